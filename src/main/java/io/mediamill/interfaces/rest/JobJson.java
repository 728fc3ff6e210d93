package io.mediamill.interfaces.rest;

import io.mediamill.application.JobView;
import jakarta.batch.runtime.BatchStatus;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * One job execution as the jobs API and the console show it. It says which operator actions its state allows, so
 * the console offers the buttons the server would accept and no rule is spelt twice.
 */
@JsonbPropertyOrder({"executionId", "videoId", "videoTitle", "videoProgress", "attempt", "node", "batchStatus",
        "exitStatus", "currentStep", "startedAt", "endedAt", "durationSeconds", "failedStep", "error", "latest",
        "restartable", "stoppable", "abandonable"})
public record JobJson(long executionId, String videoId, String videoTitle, Integer videoProgress, int attempt,
                      String node, BatchStatus batchStatus, String exitStatus, String currentStep, Instant startedAt,
                      Instant endedAt, long durationSeconds, String failedStep, String error, boolean latest,
                      boolean restartable, boolean stoppable, boolean abandonable) {

    /** The job as it stands at {@code now}: an execution still running has run until now. */
    public static JobJson of(JobView job, Instant now) {
        return new JobJson(job.executionId(), job.videoId(), job.videoTitle(), job.videoProgress(), job.attempt(),
                job.node(), job.batchStatus(), job.exitStatus(), job.currentStep(), job.startedAt(), job.endedAt(),
                Math.max(0, job.duration(now).toSeconds()), job.failedStep(), job.error(), job.latest(),
                job.restartable(), job.stoppable(), job.abandonable());
    }
}
