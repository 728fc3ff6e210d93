package io.mediamill.infrastructure;

import java.time.Duration;

/** How long a failed attempt (a transfer, a relay) waits before the next: {@code first}, doubled with each failure, at most {@code most}. */
public record Backoff(Duration first, Duration most) {

    /** The wait after the n-th failure in a row (n ≥ 1). */
    public Duration after(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(most) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(most) > 0 ? most : wait;
    }
}
