package io.mediamill.domain.model.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void theFirstFailureSaysWhyAndTheEndIsKept() {
        Attempt attempt = new Attempt(7, "video", 1, "node-a", START);
        attempt.recordFailure("renditions", "ffmpeg exited with 1", true);
        attempt.recordFailure("publish", "a consequence", true);
        attempt.end(AttemptStatus.FAILED, START.plusSeconds(5));
        attempt.end(AttemptStatus.COMPLETED, START.plusSeconds(9));

        assertEquals(AttemptStatus.FAILED, attempt.status());
        assertEquals(START.plusSeconds(5), attempt.endedAt());
        assertEquals("renditions: ffmpeg exited with 1", attempt.failure().describe());
    }

    @Test
    void anEndedAttemptMayStillBeAbandoned() {
        Attempt attempt = new Attempt(7, "video", 1, "node-a", START);
        attempt.end(AttemptStatus.STOPPED, START.plusSeconds(5));
        attempt.end(AttemptStatus.ABANDONED, START.plusSeconds(9));

        assertEquals(AttemptStatus.ABANDONED, attempt.status());
        assertEquals(START.plusSeconds(5), attempt.endedAt());
    }

    @Test
    void anAttemptLostWithItsNodeFailedInStepNode() {
        Attempt attempt = new Attempt(7, "video", 2, "node-a", START);
        attempt.lostWithNode(START.plusSeconds(60));

        assertEquals(AttemptStatus.FAILED, attempt.status());
        assertEquals("node", attempt.failedStep());
        assertEquals("node node-a stopped answering while it ran this attempt", attempt.error());
    }

    @Test
    void aRefusedFileIsNotRetryable() {
        Attempt attempt = new Attempt(7, "video", 1, "node-a", START);
        attempt.recordFailure("probe", "the file has no video or audio stream", false);

        assertFalse(attempt.failure().retryable());
        assertThrows(IllegalArgumentException.class, () -> new Attempt(8, "video", 0, "node-a", START));
        assertThrows(IllegalArgumentException.class, () -> attempt.end(AttemptStatus.STARTED, START));
    }
}
