package io.mediamill.application.live;

import io.mediamill.domain.model.live.CameraId;
import io.mediamill.domain.model.live.LiveStream;
import io.mediamill.domain.model.live.LiveStreamRepository;
import io.mediamill.domain.model.live.StreamSource;
import io.mediamill.domain.model.processing.NodeActivity;
import io.mediamill.domain.model.processing.ProcessingQueue;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Starting and stopping camera relays. A start is recorded in the database, within the limit of
 * {@code MEDIAMILL_LIVE_MAX} relays per live node; which node runs it is for the nodes to settle by claiming it
 * there (see {@link RelayHost}). A start beyond the limit is refused at once, never queued.
 */
@ApplicationScoped
public class LiveRelays {

    private static final Logger LOG = Logger.getLogger(LiveRelays.class.getName());
    /** A slot frees when a relay is stopped, which nobody can foresee; this is how soon asking again makes sense. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    @Inject
    LiveStreamRepository streams;

    @Inject
    ProcessingQueue queue;

    @Inject
    RelayHost host;

    @Inject
    MediamillConfig config;

    @Inject
    Clock clock;

    /** A relay after a start, and whether this start began it (rather than finding it wanted already). */
    public record Started(LiveStream stream, boolean began) {
    }

    /**
     * Starts relaying {@code source} (and pushing to {@code rtmpTarget}, which may be null) as {@code cameraId}.
     *
     * @throws io.mediamill.domain.model.live.RefusedSourceException for an address that is not allowed
     * @throws StreamConflictException when the camera is relayed from elsewhere already
     * @throws TooManyRelaysException when every slot is taken
     */
    public Started start(CameraId cameraId, StreamSource source, StreamSource rtmpTarget, String title, Actor actor) {
        SourceAddresses addresses = new SourceAddresses(config.live().allowPrivate());
        addresses.check("source", source);
        if (rtmpTarget != null) {
            addresses.check("rtmpTarget", rtmpTarget);
        }
        int capacity = capacity();
        LiveStreamRepository.StartOutcome outcome = streams.start(cameraId, source, rtmpTarget, title, actor.username(),
                capacity, clock.instant());
        switch (outcome) {
            case FULL -> throw new TooManyRelaysException("all " + capacity + " live relay slots are taken ("
                    + config.live().max() + " per node); stop a relay first", RETRY_AFTER);
            case WANTED_OTHERWISE -> throw new StreamConflictException("camera " + cameraId
                    + " is already relayed from another source or to another target; stop it first");
            case STARTED -> {
                LOG.info(() -> actor.username() + " started relaying camera " + cameraId + " from " + source.masked());
                host.wake();
            }
            case ALREADY_WANTED -> {
                // The same start again: the relay stands as it is.
            }
        }
        return new Started(find(cameraId), outcome == LiveStreamRepository.StartOutcome.STARTED);
    }

    public List<LiveStream> all() {
        return streams.all();
    }

    public LiveStream find(CameraId cameraId) {
        return streams.find(cameraId).orElseThrow(() -> new StreamNotFoundException(cameraId.value()));
    }

    /** Stops one relay; its node ends the ffmpeg within a second or two. Stopping a stopped relay changes nothing. */
    public LiveStream stop(CameraId cameraId, Actor actor) {
        LiveStream stream = find(cameraId);
        if (streams.stop(cameraId)) {
            LOG.info(() -> actor.username() + " stopped relaying camera " + cameraId);
            host.wake();
        }
        return stream.wanted() ? find(cameraId) : stream;
    }

    /** Stops every relay; answers the cameras it stopped. */
    public List<CameraId> stopAll(Actor actor) {
        List<CameraId> stopped = streams.stopAll();
        if (!stopped.isEmpty()) {
            LOG.info(() -> actor.username() + " stopped all " + stopped.size() + " live relay(s)");
            host.wake();
        }
        return stopped;
    }

    /** The relays all live nodes may run together: the limit for each live node (this one, at least). */
    private int capacity() {
        long alive = queue.nodes().stream().filter(NodeActivity::alive).count();
        return config.live().max() * (int) Math.max(1, alive);
    }
}
