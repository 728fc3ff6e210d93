package io.mediamill.application;

import io.mediamill.domain.model.processing.Attempt;
import io.mediamill.domain.model.video.Video;
import jakarta.batch.runtime.BatchStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One job execution as operators see it in the console and the jobs API: the attempt it was, its video, what
 * the batch runtime says of it, and what may be done with it now.
 */
public record JobView(long executionId, String videoId, String videoTitle, Integer videoProgress, int attempt,
                      String node, BatchStatus batchStatus, String exitStatus, String currentStep, Instant startedAt,
                      Instant endedAt, String failedStep, String error, boolean latest) {

    static JobView of(Attempt attempt, BatchJobs.ExecutionDetails details, Video video) {
        BatchStatus status = details == null ? BatchStatus.ABANDONED : details.batchStatus();
        if (attempt.status().hasEnded() && (status == BatchStatus.STARTING || status == BatchStatus.STARTED)) {
            // The job repository still says running when the node that ran it died (or, on JBatch, for the moment
            // between the job's end and its final status): the attempt knows better.
            status = BatchStatus.valueOf(attempt.status().name());
        }
        return new JobView(attempt.executionId(), attempt.videoId(), video == null ? null : video.title(),
                video == null ? null : video.progress(), attempt.attempt(), attempt.node(), status,
                details == null ? null : details.exitStatus(), details == null ? attempt.failedStep() : details.currentStep(),
                attempt.startedAt(), attempt.endedAt(), attempt.failedStep(), attempt.error(),
                video != null && video.jobExecutionId() != null && video.jobExecutionId() == attempt.executionId());
    }

    /** How long it ran, or has run so far. */
    public Duration duration(Instant now) {
        return Duration.between(startedAt, endedAt == null ? now : endedAt);
    }

    /** Only a video's latest execution restarts, and only once it failed or was stopped. */
    public boolean restartable() {
        return latest && (batchStatus == BatchStatus.FAILED || batchStatus == BatchStatus.STOPPED);
    }

    public boolean stoppable() {
        return batchStatus == BatchStatus.STARTING || batchStatus == BatchStatus.STARTED;
    }

    /**
     * Only a video's latest execution is abandoned, once it failed or was stopped: an earlier one is over anyway,
     * and JBatch (Payara) marks the whole job instance abandoned, which would refuse the latest one's restart.
     */
    public boolean abandonable() {
        return latest && (batchStatus == BatchStatus.FAILED || batchStatus == BatchStatus.STOPPED);
    }
}
