package io.mediamill.infrastructure.sync;

import java.time.Duration;

/** How long a failed transfer waits before its next attempt: {@code first}, doubled with each failure, at most {@code most}. */
record Backoff(Duration first, Duration most) {

    /** The wait after the n-th failure in a row (n ≥ 1). */
    Duration after(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(most) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(most) > 0 ? most : wait;
    }
}
