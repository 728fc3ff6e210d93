package io.mediamill.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void doublesWithEachFailureUpToTheMost() {
        assertEquals(Duration.ofSeconds(10), backoff.after(1));
        assertEquals(Duration.ofSeconds(20), backoff.after(2));
        assertEquals(Duration.ofSeconds(160), backoff.after(5));
        assertEquals(Duration.ofMinutes(5), backoff.after(6));
        assertEquals(Duration.ofMinutes(5), backoff.after(1000));
    }

    @Test
    void aFirstWaitLongerThanTheMostIsCutToIt() {
        assertEquals(Duration.ofMinutes(5), new Backoff(Duration.ofHours(1), Duration.ofMinutes(5)).after(1));
    }
}
