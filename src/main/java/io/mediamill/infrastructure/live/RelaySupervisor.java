package io.mediamill.infrastructure.live;

import io.mediamill.application.live.RelayHost;
import io.mediamill.domain.model.live.CameraId;
import io.mediamill.domain.model.live.LiveStream;
import io.mediamill.domain.model.live.LiveStreamRepository;
import io.mediamill.domain.model.processing.NodeActivity;
import io.mediamill.domain.model.processing.ProcessingQueue;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.ProcessRunner;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * This node's relays. Every {@link #LOOK_EVERY} (and at once after a start or stop) it reads the wanted cameras:
 * it stops its relays of cameras no longer wanted or now held by another node, starts relays of the cameras it
 * holds (after a restart of this node, too), and claims cameras held by no node or by a dead one while it has
 * fewer than {@code MEDIAMILL_LIVE_MAX} relays. The database settles every claim, so each camera runs on one
 * node. When the application stops, every relay's ffmpeg is killed and its cameras are left for the next node.
 */
@ApplicationScoped
public class RelaySupervisor implements RelayHost {

    private static final Logger LOG = Logger.getLogger(RelaySupervisor.class.getName());
    static final Duration LOOK_EVERY = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    LiveStreamRepository streams;

    @Inject
    ProcessRunner runner;

    @Inject
    ProcessingQueue queue;

    @Inject
    MediaStorage storage;

    @Inject
    MediamillConfig config;

    @Inject
    Clock clock;

    private final Map<CameraId, Relay> relays = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService looks;
    private Relay.Parts parts;

    public synchronized void start() {
        if (looks != null) {
            return;
        }
        MediamillConfig.LiveSettings settings = config.live();
        parts = new Relay.Parts(streams, runner, new LiveCommands(config.ffmpeg(), config.ffprobe(), settings), settings,
                clock, config.nodeName());
        removeLeftoverFolders();
        looks = Executors.newSingleThreadScheduledExecutor(threads);
        looks.scheduleWithFixedDelay(this::look, 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "live relays: up to " + settings.max() + " on node " + config.nodeName());
    }

    /** Kills every relay's ffmpeg and leaves its camera, still wanted, for the next node (or this one's restart). */
    public synchronized void stop() {
        ScheduledExecutorService running = looks;
        if (running == null) {
            return;
        }
        looks = null;
        running.shutdownNow();
        List<Relay> stopping = List.copyOf(relays.values());
        stopping.forEach(Relay::stop);
        for (Relay relay : stopping) {
            try {
                if (!relay.awaitEnd(STOP_WAIT)) {
                    LOG.warning(() -> "the relay of camera " + relay.cameraId() + " did not end in " + STOP_WAIT.toSeconds() + " s");
                }
                streams.release(relay.cameraId(), parts.node());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "camera " + relay.cameraId() + " not released: another node takes it once this "
                        + "node's heartbeat is old", e);
            }
        }
    }

    @Override
    public void wake() {
        ScheduledExecutorService running = looks;
        if (running != null) {
            try {
                running.execute(this::look);
            } catch (RejectedExecutionException stopping) {
                // the application is going away
            }
        }
    }

    private void look() {
        try {
            List<LiveStream> wanted = streams.wanted();
            stopUnwanted(wanted);
            claim(wanted);
        } catch (RuntimeException e) {
            // The database is away, most likely: relays go on as they are; the next look tries again.
            LOG.log(Level.WARNING, "live relays not checked: " + e.getMessage());
        }
    }

    private void stopUnwanted(List<LiveStream> wanted) {
        Map<CameraId, String> holders = new ConcurrentHashMap<>();
        wanted.forEach(stream -> holders.put(stream.cameraId(), stream.node() == null ? "" : stream.node()));
        for (Relay relay : relays.values()) {
            String holder = holders.get(relay.cameraId());
            if (holder == null || !(holder.isEmpty() || holder.equals(parts.node()))) {
                LOG.info(() -> "stopping the relay of camera " + relay.cameraId()
                        + (holder == null ? ": no longer wanted" : ": node " + holder + " holds it now"));
                relay.stop();
            }
        }
    }

    private void claim(List<LiveStream> wanted) {
        Set<String> alive = queue.nodes().stream().filter(NodeActivity::alive).map(NodeActivity::name)
                .collect(Collectors.toSet());
        for (LiveStream stream : wanted) {
            if (relays.size() >= parts.settings().max()) {
                return;
            }
            if (relays.containsKey(stream.cameraId()) || !claimable(stream, alive)) {
                continue;
            }
            if (streams.claim(stream.cameraId(), parts.node(), stream.node())) {
                if (stream.node() != null && !stream.node().equals(parts.node())) {
                    LOG.info(() -> "node " + parts.node() + " takes camera " + stream.cameraId() + " over from dead node " + stream.node());
                }
                Relay relay = new Relay(stream, parts, storage.liveDir(stream.cameraId().value()));
                relays.put(stream.cameraId(), relay);
                relay.start(threads, this::ended);
            }
        }
    }

    private boolean claimable(LiveStream stream, Set<String> alive) {
        return stream.node() == null || stream.node().equals(parts.node()) || !alive.contains(stream.node());
    }

    /** A relay's thread ends: stopped, FAILED or no longer held here. Its folder goes unless this node still runs it. */
    private void ended(Relay relay) {
        relays.remove(relay.cameraId(), relay);
        try {
            LiveFolder.remove(storage.liveDir(relay.cameraId().value()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not remove the live folder of camera " + relay.cameraId(), e);
        }
        if (!relay.stopping()) {
            wake();
        }
    }

    /** Folders of relays that ran here before a crash: a relay that starts again makes its folder afresh. */
    private void removeLeftoverFolders() {
        Path root = storage.liveRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(Files::isDirectory).forEach(LiveFolder::remove);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not clear " + root, e);
        }
    }
}
