package io.mediamill.application;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The video jobs ({@code transcode-video}, {@code compose-slideshow}) as the batch runtime sees them: the only user
 * of the JobOperator.
 * It also knows which executions run in this JVM ({@link ExecutionsHere}).
 */
@ApplicationScoped
public class BatchJobs {

    /** Processes an upload. */
    public static final String TRANSCODE = "transcode-video";
    /** Composes a slideshow, then processes it as an upload. */
    public static final String COMPOSE = "compose-slideshow";
    public static final String VIDEO_ID = "videoId";
    /** JBeret restarts an execution a dead node left STARTED when asked to with this restart parameter. */
    static final String RESTART_MODE = "jberet.restart.mode";

    private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

    private final ExecutionsHere here = new ExecutionsHere();

    /** An execution with what a console shows of it. */
    public record ExecutionDetails(long executionId, String videoId, BatchStatus batchStatus, String exitStatus,
                                   String currentStep, java.util.Date start, java.util.Date end) {
    }

    /** The job that processes a video from the start: a composition is composed first. */
    public static String jobFor(io.mediamill.domain.model.video.Video video) {
        return video.composition().isPresent() ? COMPOSE : TRANSCODE;
    }

    /** Starts processing a video afresh with job {@code jobName} and returns the job execution id. */
    public long start(String videoId, String jobName) {
        return here(operator().start(jobName, parameters(videoId)));
    }

    /** Restarts a failed or stopped execution: finished steps and checkpointed items are not done again. */
    public long restart(long executionId, String videoId) {
        return here(operator().restart(executionId, parameters(videoId)));
    }

    /**
     * Continues an execution whose node died while it ran, from its last checkpoint: JBeret restarts an
     * execution left STARTED when forced to; a runtime that cannot (JBatch) gets a new execution, whose steps
     * redo their work (every step may run again safely).
     */
    public long takeOver(long executionId, String videoId, String jobName) {
        Properties parameters = parameters(videoId);
        parameters.setProperty(RESTART_MODE, "force");
        try {
            return here(operator().restart(executionId, parameters));
        } catch (JobRestartException | NoSuchJobExecutionException | IllegalStateException e) {
            LOG.info(() -> "job execution " + executionId + " cannot be restarted (" + e.getMessage()
                    + "); video " + videoId + " starts a new one");
            return start(videoId, jobName);
        }
    }

    private long here(long executionId) {
        here.began(executionId);
        return executionId;
    }

    /** The execution's status; ABANDONED for one the repository does not know (gone with a wiped repository). */
    public BatchStatus status(long executionId) {
        try {
            return operator().getJobExecution(executionId).getBatchStatus();
        } catch (NoSuchJobExecutionException e) {
            return BatchStatus.ABANDONED;
        }
    }

    public Optional<ExecutionDetails> details(long executionId) {
        JobOperator operator = operator();
        try {
            JobExecution execution = operator.getJobExecution(executionId);
            List<StepExecution> steps = operator.getStepExecutions(executionId);
            String current = steps.stream()
                    .max(Comparator.comparing(StepExecution::getStartTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(StepExecution::getStepExecutionId))
                    .map(StepExecution::getStepName).orElse(null);
            Properties parameters = execution.getJobParameters();
            return Optional.of(new ExecutionDetails(executionId, parameters == null ? null : parameters.getProperty(VIDEO_ID),
                    execution.getBatchStatus(), execution.getExitStatus(), current, execution.getStartTime(),
                    execution.getEndTime()));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    /** Asks a running execution to stop; one that already ended is left alone. */
    public void stopIfRunning(Long executionId) {
        if (executionId == null) {
            return;
        }
        switch (status(executionId)) {
            case STARTING, STARTED -> operator().stop(executionId);
            default -> { }
        }
    }

    public void stop(long executionId) {
        operator().stop(executionId);
    }

    public void abandon(long executionId) {
        operator().abandon(executionId);
    }

    /** An execution begins in this JVM (whoever started it). */
    public void began(long executionId) {
        here.began(executionId);
    }

    /** An execution ended in this JVM with {@code outcome}, as its job listener saw it. */
    public void ended(long executionId, BatchStatus outcome) {
        here.ended(executionId, outcome);
    }

    /**
     * Whether the execution runs in this JVM now. One whose job listener has just seen its end still does
     * for a while: the runtime writes its final status after the listeners ran.
     */
    public boolean runsHere(long executionId) {
        return here.contains(executionId);
    }

    /** How an execution of this JVM ended, as its job listener saw it, if it ended here recently. */
    public Optional<BatchStatus> endedHere(long executionId) {
        return here.endOf(executionId);
    }

    /**
     * Waits at most {@code max} for an execution of this JVM to end: its outcome as soon as its job listener has
     * seen it, empty when it has not ended by then (or runs on another node, whose end only the repository tells).
     */
    public Optional<BatchStatus> awaitEndHere(long executionId, java.time.Duration max) throws InterruptedException {
        return here.awaitEnd(executionId, max);
    }

    /** The names of jobs the runtime has run; throws when the batch runtime is not available. */
    public Set<String> knownJobNames() {
        return operator().getJobNames();
    }

    private static Properties parameters(String videoId) {
        Properties parameters = new Properties();
        parameters.setProperty(VIDEO_ID, videoId);
        return parameters;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
