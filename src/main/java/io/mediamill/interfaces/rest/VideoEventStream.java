package io.mediamill.interfaces.rest;

import io.mediamill.application.VideoService;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes a video's progress to a server-sent events client. It watches the database, not this node's jobs,
 * so a client gets the same events whichever node processes the video.
 */
@ApplicationScoped
public class VideoEventStream {

    /** What each event carries. */
    public record ProgressJson(String id, VideoStatus status, int progress, String error) {
    }

    private static final long POLL_MILLIS = 500;
    private static final Duration LONGEST = Duration.ofHours(2);

    @Inject
    VideoService videos;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Follows the video as {@code actor} may see it: deleted or taken out of their reach, the stream ends. */
    public void follow(Actor actor, String videoId, SseEventSink sink, Sse sse) {
        AtomicReference<ProgressJson> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Instant giveUp = Instant.now().plus(LONGEST);
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            if (sink.isClosed() || Instant.now().isAfter(giveUp)) {
                stop(task, sink);
                return;
            }
            ProgressJson now;
            try {
                Video video = videos.get(actor, videoId);
                now = new ProgressJson(video.id(), video.status(), video.progress(), video.error());
            } catch (VideoNotFoundException deleted) {
                stop(task, sink);
                return;
            }
            if (!now.equals(last.getAndSet(now))) {
                sink.send(sse.newEventBuilder().name("progress").id(now.status() + "-" + now.progress())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ProgressJson.class, now).build());
            }
            if (now.status().isFinal()) {
                stop(task, sink);
            }
        }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
    }

    private static void stop(AtomicReference<ScheduledFuture<?>> task, SseEventSink sink) {
        ScheduledFuture<?> running = task.get();
        if (running != null) {
            running.cancel(false);
        }
        sink.close();
    }
}
