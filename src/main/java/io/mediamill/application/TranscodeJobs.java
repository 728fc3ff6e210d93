package io.mediamill.application;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import java.util.Set;

/** The one place that starts, restarts and stops the {@code transcode-video} batch job. */
@ApplicationScoped
public class TranscodeJobs {

    public static final String JOB_NAME = "transcode-video";
    public static final String VIDEO_ID = "videoId";

    /** Starts processing a video and returns the job execution id. */
    public long start(String videoId) {
        Properties parameters = new Properties();
        parameters.setProperty(VIDEO_ID, videoId);
        return operator().start(JOB_NAME, parameters);
    }

    /** Restarts a failed or stopped execution: finished steps and checkpointed items are not done again. */
    public long restart(long executionId, String videoId) {
        Properties parameters = new Properties();
        parameters.setProperty(VIDEO_ID, videoId);
        return operator().restart(executionId, parameters);
    }

    /** Asks a running execution to stop; an execution that already ended is left alone. */
    public void stopIfRunning(Long executionId) {
        if (executionId == null) {
            return;
        }
        JobOperator operator = operator();
        switch (operator.getJobExecution(executionId).getBatchStatus()) {
            case STARTING, STARTED -> operator.stop(executionId);
            default -> { }
        }
    }

    /** The names of jobs the runtime has run; throws when the batch runtime is not available. */
    public Set<String> knownJobNames() {
        return operator().getJobNames();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
