package io.mediamill.application;

import io.mediamill.domain.model.processing.Attempt;
import io.mediamill.domain.model.processing.AttemptFailure;
import io.mediamill.domain.model.processing.AttemptRepository;
import io.mediamill.domain.model.processing.AttemptStatus;
import io.mediamill.domain.model.processing.NodeStoppingException;
import io.mediamill.domain.model.processing.ProcessingQueue;
import io.mediamill.domain.model.processing.QueuedWork;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.VideoStateException;
import io.mediamill.domain.model.video.VideoStatus;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.Transcoder;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Job control, in one place: a queued video's attempt (start, restart, follow, take over its job execution),
 * what becomes of a failed one, and what operators do with executions (restart, stop, abandon, run next).
 * The queue decides when and on which node; the batch runtime runs the steps; this ties them to the video.
 */
@ApplicationScoped
public class JobControl implements QueuedWork, QueueStatistics {

    private static final Logger LOG = Logger.getLogger(JobControl.class.getName());
    private static final Duration FOLLOW_POLL = Duration.ofMillis(500);

    @Inject
    BatchJobs jobs;

    @Inject
    VideoRepository videos;

    @Inject
    AttemptRepository attempts;

    @Inject
    ProcessingQueue queue;

    @Inject
    ProcessingService processing;

    @Inject
    Transcoder transcoder;

    @Inject
    MediamillConfig config;

    @Inject
    MetricsRecorder metrics;

    @Inject
    NodeDirectory nodes;

    @Inject
    LocalCopies sources;

    @Inject
    Clock clock;

    // ---- the queue's work ------------------------------------------------------------------------------

    @Override
    public void process(String videoId, int attempt, BooleanSupplier nodeStopping) {
        Optional<Video> found = videos.find(videoId);
        if (found.isEmpty() || found.get().status() == VideoStatus.READY || found.get().status() == VideoStatus.FAILED) {
            // Deleted, done, or ended by an operator while it waited: nothing left for this task.
            return;
        }
        long execution = launch(found.get());
        BatchStatus end = follow(execution, videoId, nodeStopping);
        if (end == BatchStatus.COMPLETED) {
            return;
        }
        Video after = videos.find(videoId).orElse(null);
        if (after == null || after.status().isFinal()) {
            return;
        }
        if (end == BatchStatus.STOPPED || end == BatchStatus.ABANDONED) {
            if (stoppingSoon(nodeStopping)) {
                throw new NodeStoppingException("job execution " + execution + " of video " + videoId
                        + " stopped with node " + queue.node());
            }
            // Stopped from outside this service (the server's own batch console or CLI): an operator's decision.
            processing.fail(videoId, "job", "job execution " + execution + " was stopped by an operator");
            return;
        }
        throw attempts.find(execution).map(Attempt::failure)
                .orElseGet(() -> new AttemptFailure("job", "job execution " + execution + " failed", true));
    }

    /** Starts, restarts, follows or takes over the video's execution; returns the one to follow. */
    private long launch(Video video) {
        Long last = video.jobExecutionId();
        if (last == null) {
            sources.requireSource(video);
            return jobs.start(video.id(), BatchJobs.jobFor(video));
        }
        BatchStatus status = jobs.status(last);
        boolean unfinished = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING).contains(status);
        Optional<BatchStatus> endedHere = jobs.endedHere(last);
        if (unfinished && endedHere.isEmpty() && runsElsewhereAlive(last)) {
            return last;
        }
        sources.requireSource(video);
        if (unfinished && endedHere.isPresent()) {
            // Its end was seen here while the database was away: the repository never learnt of it.
            LOG.warning(() -> "video " + video.id() + ": job execution " + last + " ended here (" + endedHere.get()
                    + ") but the job repository still says " + status + "; it is resumed from its last checkpoint");
            return jobs.takeOver(last, video.id(), BatchJobs.jobFor(video));
        }
        return switch (status) {
            case STARTING, STARTED, STOPPING -> takeOver(last, video);
            case FAILED, STOPPED -> jobs.restart(last, video.id());
            default -> jobs.start(video.id(), BatchJobs.jobFor(video));
        };
    }

    /** Whether an unfinished execution is in good hands: this JVM's, or a live node's. */
    private boolean runsElsewhereAlive(long execution) {
        if (jobs.runsHere(execution)) {
            return true;
        }
        String node = attempts.find(execution).map(Attempt::node).orElse(null);
        return node != null && !node.equals(queue.node()) && queue.isAlive(node);
    }

    private long takeOver(long execution, Video video) {
        String videoId = video.id();
        String node = attempts.find(execution).map(Attempt::node).orElse("an unknown node");
        LOG.warning(() -> "video " + videoId + ": job execution " + execution + " was left running by " + node
                + ", which is gone; node " + queue.node() + " takes it over from its last checkpoint");
        attempts.update(execution, attempt -> attempt.lostWithNode(clock.instant()));
        return jobs.takeOver(execution, videoId, BatchJobs.jobFor(video));
    }

    /**
     * Waits for the execution to end, taking it over should the node running it die meanwhile. An execution of
     * this JVM is followed through its job listener, so the worker is free the moment the job ends; one of
     * another node through the repository.
     */
    private BatchStatus follow(long execution, String videoId, BooleanSupplier nodeStopping) {
        long current = execution;
        while (true) {
            if (nodeStopping.getAsBoolean()) {
                throw new NodeStoppingException("node " + queue.node() + " is stopping");
            }
            try {
                Optional<BatchStatus> endedHere = jobs.awaitEndHere(current, FOLLOW_POLL);
                if (endedHere.isPresent()) {
                    return endedHere.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeStoppingException("node " + queue.node() + " is stopping");
            }
            try {
                BatchStatus status = jobs.status(current);
                if (hasEnded(status)) {
                    return status;
                }
                if (!runsElsewhereAlive(current) && status != BatchStatus.STARTING) {
                    Optional<Video> video = videos.find(videoId);
                    if (video.isEmpty()) {
                        return BatchStatus.ABANDONED;
                    }
                    sources.requireSource(video.get());
                    current = takeOver(current, video.get());
                }
            } catch (AttemptFailure noSource) {
                throw noSource;
            } catch (RuntimeException unreachable) {
                // The job repository is in the database: while it is away, keep the task and look again.
                LOG.fine(() -> "video " + videoId + ": job execution status unknown for now: " + unreachable);
            }
        }
    }

    /** A server going down stops its executions a moment before it tells the queue: give it that moment. */
    private static boolean stoppingSoon(BooleanSupplier nodeStopping) {
        for (int i = 0; i < 20; i++) {
            if (nodeStopping.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    private static boolean hasEnded(BatchStatus status) {
        return switch (status) {
            case COMPLETED, FAILED, STOPPED, ABANDONED -> true;
            default -> false;
        };
    }

    @Override
    public void retryScheduled(String videoId, int attempt, Instant next, AttemptFailure failure) {
        LOG.info(() -> "video " + videoId + ": attempt " + attempt + " failed in " + failure.step() + "; next at " + next);
        videos.update(videoId, video -> video.awaitRetry("attempt " + attempt + " of " + config.maxAttempts()
                + " failed in " + failure.describe() + " (next attempt at " + next.truncatedTo(ChronoUnit.SECONDS) + ")",
                clock.instant()));
    }

    @Override
    public void gaveUp(String videoId, int attempt, AttemptFailure failure) {
        String reason = failure.retryable() ? failure.getMessage() + " (after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + ")"
                : failure.getMessage();
        processing.fail(videoId, failure.step(), reason);
    }

    // ---- what the batch job reports ------------------------------------------------------------------

    /**
     * An execution of the video's job begins in this JVM: its attempt is recorded and the video follows it.
     * Whoever started it (the queue, an operator here or in the server's own console), the video has a task,
     * so a node's death never strands it.
     */
    public void executionStarted(String videoId, long executionId) {
        jobs.began(executionId);
        closeUnendedAttempts(videoId, executionId);
        attempts.start(executionId, videoId, queue.node());
        videos.update(videoId, video -> video.startProcessing(executionId, clock.instant()));
        queue.submit(videoId);
    }

    /**
     * Earlier attempts whose end was never recorded (the database was away when their job ended) are closed as
     * the runtime saw them end, or as failed: a video never shows two attempts running.
     */
    private void closeUnendedAttempts(String videoId, long newExecution) {
        for (Attempt earlier : attempts.ofVideo(videoId)) {
            if (earlier.executionId() == newExecution || earlier.status().hasEnded()) {
                continue;
            }
            BatchStatus seen = jobs.status(earlier.executionId());
            attempts.update(earlier.executionId(), attempt -> {
                if (seen == BatchStatus.COMPLETED) {
                    attempt.end(AttemptStatus.COMPLETED, clock.instant());
                } else {
                    attempt.recordFailure("job", "its end was not recorded (the database could not be reached)", true);
                    attempt.end(AttemptStatus.FAILED, clock.instant());
                }
            });
        }
    }

    public void executionEnded(String videoId, long executionId, BatchStatus status) {
        BatchStatus outcome = switch (status) {
            // JBatch (Payara) calls the job listener before it records a successful end, so a job that ran
            // through still says STARTED there; a failed or stopped one already says so.
            case COMPLETED, STARTING, STARTED -> BatchStatus.COMPLETED;
            case STOPPING, STOPPED -> BatchStatus.STOPPED;
            case ABANDONED -> BatchStatus.ABANDONED;
            default -> BatchStatus.FAILED;
        };
        try {
            attempts.update(executionId, attempt -> attempt.end(AttemptStatus.valueOf(outcome.name()), clock.instant()))
                    .ifPresent(attempt -> metrics.attemptEnded(attempt.status().name(), attempt.failedStep(),
                            Duration.between(attempt.startedAt(), attempt.endedAt())));
        } finally {
            // Recorded first, so that the task following the execution reads the attempt's end and failure.
            jobs.ended(executionId, outcome);
        }
    }

    /** A step failed: its attempt and the video say why (in words with no server path). */
    public void stepFailed(String videoId, long executionId, String step, String reason, boolean retryable) {
        String words = processing.recordError(videoId, step, reason);
        attempts.update(executionId, attempt -> attempt.recordFailure(step, words, retryable));
    }

    // ---- operators -------------------------------------------------------------------------------------

    public List<JobView> jobs(AttemptStatus status, int page, int size) {
        return attempts.newestFirst(status, page * size, size).stream().map(this::view).toList();
    }

    public long countJobs(AttemptStatus status) {
        return attempts.count(status);
    }

    public JobView job(long executionId) {
        return view(attempts.find(executionId).orElseThrow(() -> new JobNotFoundException(executionId)));
    }

    private JobView view(Attempt attempt) {
        return JobView.of(attempt, jobs.details(attempt.executionId()).orElse(null), videos.find(attempt.videoId()).orElse(null));
    }

    public List<Attempt> attempts(String videoId) {
        return attempts.ofVideo(videoId);
    }

    /** Restarts a failed or stopped execution (a video's latest) from its checkpoints; returns the new execution. */
    public long restart(long executionId) {
        JobView job = job(executionId);
        if (!job.restartable()) {
            throw new JobTransitionException("Job execution " + executionId + " is " + job.batchStatus()
                    + (job.latest() ? "" : " and not its video's latest") + ": only a failed or stopped latest execution restarts.");
        }
        return restartVideo(job.videoId());
    }

    /** Restarts a failed video: its last execution from its checkpoints, or afresh if that was abandoned. */
    public long restartVideo(String videoId) {
        Video video = videos.update(videoId, v -> v.resume(clock.instant()));
        long last = video.jobExecutionId();
        long next = jobs.status(last) == BatchStatus.ABANDONED ? jobs.start(videoId, BatchJobs.jobFor(video))
                : jobs.restart(last, videoId);
        videos.update(videoId, v -> v.attachExecution(next, clock.instant()));
        queue.submit(videoId);
        return next;
    }

    /** Stops a running execution on this node: its video waits, FAILED, for an operator to restart it. */
    public void stop(long executionId, String operator) {
        JobView job = job(executionId);
        if (!job.stoppable()) {
            throw new JobTransitionException("Job execution " + executionId + " is " + job.batchStatus() + ": only a running one stops.");
        }
        if (!jobs.runsHere(executionId)) {
            throw new JobTransitionException("Job execution " + executionId + " runs on node " + job.node()
                    + ": stop it from that node's console.");
        }
        processing.fail(job.videoId(), "job", "stopped by " + operator);
        jobs.stop(executionId);
        transcoder.cancel(job.videoId());
    }

    /** Gives up an ended execution for good: a restart of its video then starts afresh. */
    public void abandon(long executionId) {
        JobView job = job(executionId);
        if (!job.abandonable()) {
            throw new JobTransitionException("Job execution " + executionId + " is " + job.batchStatus()
                    + (job.latest() ? "" : " and not its video's latest") + ": only a failed or stopped latest execution can be abandoned.");
        }
        jobs.abandon(executionId);
        attempts.update(executionId, attempt -> attempt.end(AttemptStatus.ABANDONED, clock.instant()));
        videos.find(job.videoId()).filter(video -> !video.status().isFinal() && job.latest())
                .ifPresent(video -> processing.fail(video.id(), "job", "job execution " + executionId + " was abandoned"));
        queue.withdraw(job.videoId());
    }

    /** Moves a waiting video to the front of the queue. */
    public void runNext(String videoId) {
        Video video = videos.find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
        if (video.status() != VideoStatus.QUEUED || !queue.runNext(videoId)) {
            throw new VideoStateException("video " + videoId + " is " + video.status() + ", not waiting in the queue");
        }
    }

    @Override
    public QueueStatistics.QueueCounts counts() {
        io.mediamill.domain.model.processing.QueueCounts queued = queue.counts();
        return new QueueStatistics.QueueCounts(queued.due(), queued.waitingForRetry(), queued.running(),
                videos.countWithStatus(VideoStatus.FAILED));
    }

    public QueueOverview overview() {
        return new QueueOverview(queue.node(), queue.counts(), videos.countWithStatus(VideoStatus.FAILED), nodes.nodes());
    }
}
