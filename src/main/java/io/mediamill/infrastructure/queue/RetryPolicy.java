package io.mediamill.infrastructure.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed attempt is tried again: after {@code backoff}, doubling for every further failure, until
 * {@code maxAttempts} attempts have been made; never when trying again cannot help.
 */
record RetryPolicy(int maxAttempts, Duration backoff) {

    RetryPolicy {
        if (maxAttempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("need at least one attempt and a backoff of zero or more");
        }
    }

    /** The wait before the attempt after {@code failedAttempt} (counted from 1); empty when there is none. */
    Optional<Duration> delayAfter(int failedAttempt, boolean retryable) {
        if (!retryable || failedAttempt >= maxAttempts) {
            return Optional.empty();
        }
        // Capped shift: a generous maxAttempts must not overflow into a negative wait.
        return Optional.of(backoff.multipliedBy(1L << Math.min(failedAttempt - 1, 20)));
    }
}
