package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.application.JobView;
import jakarta.batch.runtime.BatchStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobJsonTest {

    private static final Instant STARTED = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aRunningJobHasRunUntilNowAndMayOnlyBeStopped() {
        JobJson json = JobJson.of(job(BatchStatus.STARTED, null, true), STARTED.plusSeconds(75));

        assertEquals(75, json.durationSeconds());
        assertTrue(json.stoppable());
        assertFalse(json.restartable() || json.abandonable());
    }

    @Test
    void aFailedLatestJobRestartsOrIsAbandonedAndAnEarlierOneNeither() {
        JobJson latest = JobJson.of(job(BatchStatus.FAILED, STARTED.plusSeconds(9), true), STARTED.plusSeconds(600));
        JobJson earlier = JobJson.of(job(BatchStatus.FAILED, STARTED.plusSeconds(9), false), STARTED.plusSeconds(600));

        assertEquals(9, latest.durationSeconds(), "an ended job's duration stays what it was");
        assertTrue(latest.restartable() && latest.abandonable());
        assertFalse(earlier.restartable() || earlier.abandonable());
        assertEquals("renditions", latest.failedStep());
    }

    private static JobView job(BatchStatus status, Instant ended, boolean latest) {
        return new JobView(7, "video-1", "A title", 40, 2, "node-a", status, status.name(), "renditions", STARTED,
                ended, ended == null ? null : "renditions", ended == null ? null : "renditions: it broke", latest);
    }
}
