package io.mediamill.infrastructure.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(30));

    @Test
    void theWaitDoublesAfterEachFailureUntilTheLastAttempt() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.delayAfter(1, true));
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.delayAfter(2, true));
        assertEquals(Optional.empty(), policy.delayAfter(3, true));
        assertEquals(Optional.empty(), policy.delayAfter(4, true));
    }

    @Test
    void aFailureThatCannotBeHelpedIsNotTriedAgain() {
        assertEquals(Optional.empty(), policy.delayAfter(1, false));
    }

    @Test
    void manyAttemptsNeverOverflowIntoANegativeWait() {
        Duration wait = new RetryPolicy(100, Duration.ofSeconds(30)).delayAfter(99, true).orElseThrow();
        assertEquals(Duration.ofSeconds(30L << 20), wait);
    }

    @Test
    void atLeastOneAttempt() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1)));
    }
}
