package io.mediamill.interfaces.rest;

import io.mediamill.application.JobControl;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the console page current: reads its jobs and the queue from the database every second and pushes them
 * when they changed. It reads the shared database, not this node's executions, so every node's console shows the
 * same. A stream ends after a while and the browser reconnects, through the role check again, so an operator who
 * lost the role stops seeing jobs soon after.
 */
@ApplicationScoped
public class JobEventStream {

    private static final long POLL_MILLIS = 1000;
    private static final Duration LONGEST = Duration.ofMinutes(10);
    private static final long RECONNECT_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(JobEventStream.class.getName());

    @Inject
    JobControl jobs;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    public void follow(JobQuery query, SseEventSink sink, Sse sse) {
        AtomicReference<Object> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Instant giveUp = clock.instant().plus(LONGEST);
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            if (sink.isClosed() || clock.instant().isAfter(giveUp)) {
                stop(task, sink);
                return;
            }
            OutboundSseEvent event;
            try {
                ConsoleJson now = snapshot(query);
                if (now.equals(last.getAndSet(now))) {
                    return;
                }
                event = sse.newEventBuilder().name("console").reconnectDelay(RECONNECT_MILLIS)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ConsoleJson.class, now).build();
            } catch (RuntimeException e) {
                // An exception leaving this task would end it silently: tell the page instead, and try again.
                LOG.log(Level.WARNING, "the console's jobs could not be read", e);
                String detail = "The server could not read the jobs just now (" + e.getClass().getSimpleName()
                        + "); it keeps trying.";
                if (detail.equals(last.getAndSet(detail))) {
                    return;
                }
                event = sse.newEventBuilder().name("problem").reconnectDelay(RECONNECT_MILLIS)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(ProblemDetail.class, new ProblemDetail("about:blank", "Internal Server Error", 500, detail, null))
                        .build();
            }
            // A client that went away shows as a failed send: the stream ends then, not at the time limit. (The
            // runtime may have closed the sink on that failure already, and then refuses the next send outright.)
            try {
                sink.send(event).whenComplete((sent, failure) -> {
                    if (failure != null) {
                        stop(task, sink);
                    }
                });
            } catch (IllegalStateException closed) {
                stop(task, sink);
            }
        }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
    }

    private ConsoleJson snapshot(JobQuery query) {
        Instant now = clock.instant();
        JobPageJson page = JobPageJson.of(jobs.jobs(query.status(), query.page(), query.size()),
                jobs.countJobs(query.status()), query, now);
        return new ConsoleJson(page, QueueJson.of(jobs.overview()));
    }

    private static void stop(AtomicReference<ScheduledFuture<?>> task, SseEventSink sink) {
        ScheduledFuture<?> running = task.get();
        if (running != null) {
            running.cancel(false);
        }
        sink.close();
    }
}
