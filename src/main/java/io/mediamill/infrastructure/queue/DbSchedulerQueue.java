package io.mediamill.infrastructure.queue;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.MariaDBJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.mediamill.domain.model.processing.AttemptFailure;
import io.mediamill.domain.model.processing.NodeActivity;
import io.mediamill.domain.model.processing.NodeStoppingException;
import io.mediamill.domain.model.processing.ProcessingQueue;
import io.mediamill.domain.model.processing.QueueCounts;
import io.mediamill.domain.model.processing.QueuedWork;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The processing queue on db-scheduler, in the shared database through the container's datasource. Task
 * {@value #TASK_NAME} has one instance per video (its id); this node runs {@code MEDIAMILL_WORKERS} of them at
 * once on threads of the container's managed thread factory (the count must be exact, which a shared managed
 * executor cannot promise), polls and keeps heartbeats on the container's managed scheduled executor.
 * A failed attempt is rescheduled with backoff or given up; a task whose node stopped beating is revived by
 * db-scheduler on a live node.
 */
@ApplicationScoped
public class DbSchedulerQueue implements ProcessingQueue {

    public static final String TASK_NAME = "process-video";
    /** A node that missed this many heartbeats is dead: its tasks are taken over. */
    static final int MISSED_HEARTBEATS_LIMIT = 4;

    private static final Logger LOG = Logger.getLogger(DbSchedulerQueue.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService housekeeping;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    MediamillConfig config;

    @Inject
    Clock clock;

    /** Looked up when a task runs: the work depends on services that depend on this queue. */
    @Inject
    Instance<QueuedWork> work;

    private final ProcessVideoTask task = new ProcessVideoTask();
    private volatile Scheduler scheduler;
    private volatile QueueTable table;
    private volatile boolean stopping;
    private ScheduledFuture<?> nodeHeartbeat;

    /** Starts taking work: releases what this node held before a crash, then polls, beats and works. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        table = new QueueTable(dataSource, TASK_NAME);
        String node = config.nodeName();
        int released = table.releaseClaimsOf(node);
        if (released > 0) {
            LOG.info(() -> "node " + node + " takes back " + released + " task(s) it held before it went down");
        }
        table.restarted(node, clock.instant(), config.workers());
        ThreadPoolExecutor workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads);
        ExecutorService poller = Executors.newSingleThreadExecutor(threads);
        scheduler = Scheduler.create(dataSource, task)
                .schedulerName(new SchedulerName.Fixed(node))
                .jdbcCustomization(jdbcCustomization())
                .threads(config.workers())
                .executorService(workers)
                .dueExecutor(poller)
                .housekeeperExecutor(new ContainerScheduledExecutor(housekeeping))
                .pollUsingFetch(0.5, 1.0)
                .pollingInterval(config.queuePollInterval())
                .heartbeatInterval(config.heartbeatInterval())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS_LIMIT)
                .enableImmediateExecution()
                .enablePriority()
                .shutdownMaxWait(Duration.ofSeconds(1))
                .failureLogging(LogLevel.INFO, false)
                .build();
        scheduler.start();
        long beat = config.heartbeatInterval().toMillis();
        nodeHeartbeat = housekeeping.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        LOG.info(() -> "processing queue started on node " + node + " with " + config.workers() + " worker(s), heartbeat "
                + config.heartbeatInterval().toSeconds() + " s");
    }

    /** Stops taking work; attempts in progress are left to this node's restart or another node's takeover. */
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        stopping = true;
        if (nodeHeartbeat != null) {
            nodeHeartbeat.cancel(false);
        }
        scheduler.stop();
        scheduler = null;
    }

    private void beat() {
        try {
            table.beat(config.nodeName(), clock.instant(), clock.instant(), config.workers());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "node heartbeat not written: " + e.getMessage());
        }
    }

    /** MariaDB named outright: Payara's pool reports it as MySQL, which db-scheduler would treat as MySQL 8. */
    private JdbcCustomization jdbcCustomization() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getMetaData().getURL().startsWith("jdbc:mariadb:")) {
                return new MariaDBJdbcCustomization(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database for the processing queue: " + e.getMessage(), e);
        }
        return new AutodetectJdbcCustomization(dataSource, true);
    }

    private Scheduler running() {
        Scheduler current = scheduler;
        if (current == null) {
            throw new IllegalStateException("the processing queue is not running on this node");
        }
        return current;
    }

    @Override
    public boolean submit(String videoId) {
        TaskInstance<Void> instance = task.instanceBuilder(videoId).priority(com.github.kagkarlsson.scheduler.task.Priority.MEDIUM).build();
        boolean added = running().scheduleIfNotExists(instance, clock.instant());
        if (added) {
            whenCommitted(() -> {
                Scheduler current = scheduler;
                if (current != null) {
                    current.triggerCheckForDueExecutions();
                }
            });
        }
        return added;
    }

    /** Runs after the caller's transaction commits (at once without one): the new task is visible only then. */
    private void whenCommitted(Runnable action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    @Override
    public boolean runNext(String videoId) {
        boolean raised = table().raisePriority(videoId);
        if (raised) {
            running().triggerCheckForDueExecutions();
        }
        return raised;
    }

    @Override
    public void withdraw(String videoId) {
        table().deleteWaiting(videoId);
    }

    @Override
    public QueueCounts counts() {
        return table().counts();
    }

    @Override
    public List<NodeActivity> nodes() {
        Duration deadAfter = deadAfter();
        return table().nodes(clock.instant(), deadAfter, deadAfter.multipliedBy(60));
    }

    @Override
    public boolean isAlive(String node) {
        if (node.equals(config.nodeName())) {
            return !stopping;
        }
        Instant last = table().lastHeartbeat(node);
        return last != null && last.isAfter(clock.instant().minus(deadAfter()));
    }

    @Override
    public String node() {
        return config.nodeName();
    }

    private Duration deadAfter() {
        return config.heartbeatInterval().multipliedBy(MISSED_HEARTBEATS_LIMIT);
    }

    private QueueTable table() {
        QueueTable current = table;
        if (current == null) {
            current = new QueueTable(dataSource, TASK_NAME);
            table = current;
        }
        return current;
    }

    private RetryPolicy retryPolicy() {
        return new RetryPolicy(config.maxAttempts(), config.retryBackoff());
    }

    /** One video's processing: an attempt per execution of the task, retried by its failure handler. */
    private final class ProcessVideoTask extends OneTimeTask<Void> {

        ProcessVideoTask() {
            super(TASK_NAME, Void.class, new RetryOrGiveUp());
        }

        @Override
        public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
            int attempt = context.getExecution().consecutiveFailures + 1;
            work.get().process(instance.getId(), attempt,
                    () -> stopping || context.getSchedulerState().isShuttingDown());
        }
    }

    /** After a failed attempt: again later with backoff, or no more, the video then waiting for an operator. */
    private final class RetryOrGiveUp implements FailureHandler<Void> {

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            Throwable cause = complete.getCause().orElse(null);
            String videoId = complete.getExecution().taskInstance.getId();
            if (cause instanceof NodeStoppingException) {
                // Left claimed: this node takes it back when it starts, or another node when it stays away.
                LOG.info(() -> "video " + videoId + " is left to a restart or takeover: " + cause.getMessage());
                return;
            }
            AttemptFailure failure = cause instanceof AttemptFailure known ? known
                    : new AttemptFailure("job", String.valueOf(cause), true);
            int attempt = complete.getExecution().consecutiveFailures + 1;
            retryPolicy().delayAfter(attempt, failure.retryable()).ifPresentOrElse(delay -> {
                Instant next = complete.getTimeDone().plus(delay);
                operations.reschedule(complete, next);
                report(() -> work.get().retryScheduled(videoId, attempt, next, failure), videoId);
            }, () -> {
                operations.stop();
                report(() -> work.get().gaveUp(videoId, attempt, failure), videoId);
            });
        }

        private void report(Runnable callback, String videoId) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not record the outcome of video " + videoId + "'s attempt", e);
            }
        }
    }
}
