package io.mediamill.infrastructure.sync;

import io.mediamill.domain.model.replication.PeerStatus;
import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.ExternalProcessException;
import io.mediamill.infrastructure.media.ProcessRunner;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps this node's media volume and its peers' in sync with rsync. Pushes go through the backlog (drained
 * every second and at once when something is queued; a failed transfer waits, doubling, up to five minutes);
 * every {@code MEDIAMILL_SYNC_RECONCILE_SECONDS} each peer gets the whole {@code videos/} tree, and folders of
 * videos that no longer exist anywhere go from this volume; at start this node fetches what its peers hold,
 * to catch up on what it missed while it was away. With no peers, nothing runs.
 */
@ApplicationScoped
public class RsyncReplication implements VolumeReplication {

    private static final Logger LOG = Logger.getLogger(RsyncReplication.class.getName());
    private static final String VIDEOS = "videos";
    private static final Duration MOST_BACKOFF = Duration.ofMinutes(5);
    private static final Duration TRANSFER_LIMIT = Duration.ofHours(2);
    /** An upload moves its files in before it records its video: younger folders without a video are left alone. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);
    private static final int BATCH = 100;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MediamillConfig config;

    @Inject
    MediaStorage storage;

    @Inject
    ProcessRunner runner;

    @Inject
    VideoRepository videos;

    @Inject
    Clock clock;

    private volatile List<Peer> peers = List.of();
    private volatile RsyncCommands commands;
    private volatile SyncBacklog backlog;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Map<String, Instant> lastTransfer = new ConcurrentHashMap<>();
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    /** Reads the peers (a bad setting stops the start, saying why) and starts draining, reconciling, catching up. */
    public synchronized void start() {
        List<Peer> configured = Peers.parse(config.peers(), config.nodeName());
        if (configured.isEmpty()) {
            return;
        }
        commands = new RsyncCommands(config.rsync(), storage.root(), passwordFile(configured));
        backlog = new SyncBacklog(dataSource, config.nodeName());
        peers = configured;
        scheduled.add(scheduler.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS));
        long reconcile = config.syncReconcile().toSeconds();
        scheduled.add(scheduler.scheduleWithFixedDelay(this::reconcile, reconcile, reconcile, TimeUnit.SECONDS));
        scheduler.execute(this::catchUp);
        LOG.info(() -> "media volume kept in sync with " + configured.stream().map(Peer::name).toList());
    }

    public synchronized void stop() {
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
        peers = List.of();
    }

    /** The daemons' secret in a file only this user reads: rsync takes it from there, never from a command line. */
    private Path passwordFile(List<Peer> configured) {
        Path file = config.home().resolve("run").resolve("rsync.secret");
        if (configured.stream().noneMatch(Peer::isDaemon)) {
            return file;
        }
        String secret = config.rsyncSecret();
        if (secret == null) {
            throw new IllegalStateException("MEDIAMILL_PEERS names rsync daemons: set MEDIAMILL_RSYNC_SECRET, the "
                    + "secret every node's daemon shares");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public void filesChanged(String videoId) {
        queue(videoId, SyncBacklog.Action.PUSH);
    }

    @Override
    public void videoDeleted(String videoId) {
        queue(videoId, SyncBacklog.Action.DELETE);
    }

    private void queue(String videoId, SyncBacklog.Action action) {
        List<Peer> current = peers;
        if (current.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        current.forEach(peer -> backlog.add(peer.name(), videoId, action, now));
        scheduler.execute(this::drain);
    }

    @Override
    public boolean pullVideo(String videoId, Duration max) {
        for (Peer peer : peers) {
            if (transfer(peer, commands.pull(peer, folderOf(videoId)), max).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean pullUpload(String uploadId, String fromNode, Duration max) {
        Optional<Peer> holder = peers.stream().filter(peer -> peer.name().equals(fromNode)).findFirst();
        String file = storage.relative(storage.resumableFile(uploadId));
        return holder.isPresent() && transfer(holder.get(), List.of(commands.pullFile(holder.get(), file)), max).isEmpty();
    }

    @Override
    public boolean hasPeers() {
        return !peers.isEmpty();
    }

    @Override
    public List<PeerStatus> peers() {
        return peers.stream().map(peer -> {
            SyncBacklog.Pending pending = backlog.pending(peer.name());
            return new PeerStatus(peer.name(), peer.address(), pending.count(), pending.since(),
                    Optional.ofNullable(failing.get(peer.name())).orElse(pending.lastError()), lastTransfer.get(peer.name()));
        }).toList();
    }

    /** Works through what is due, one transfer at a time; a second call while one drains returns at once. */
    void drain() {
        if (peers.isEmpty() || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            List<SyncBacklog.Entry> due = backlog.due(clock.instant(), BATCH);
            for (SyncBacklog.Entry entry : due) {
                peer(entry.peer()).ifPresentOrElse(peer -> send(peer, entry), () -> backlog.done(entry));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the sync backlog could not be worked through now", e);
        } finally {
            draining.set(false);
        }
    }

    private void send(Peer peer, SyncBacklog.Entry entry) {
        Path folder = storage.videoDir(entry.videoId());
        List<ExternalCommand> transfer;
        if (entry.action() == SyncBacklog.Action.DELETE) {
            createDirectories(folder.getParent());
            transfer = List.of(commands.delete(peer, folderOf(entry.videoId())));
        } else if (Files.isDirectory(folder)) {
            transfer = commands.push(peer, folderOf(entry.videoId()));
        } else {
            // Deleted here since: the delete queued with it replaces this push.
            backlog.done(entry);
            return;
        }
        Optional<String> error = transfer(peer, transfer, TRANSFER_LIMIT);
        if (error.isEmpty()) {
            backlog.done(entry);
        } else {
            backlog.failed(entry, clock.instant().plus(backoff(entry.attempts() + 1)), error.get());
        }
    }

    /** After the n-th failure in a row: the configured wait, doubled each time, at most five minutes. */
    Duration backoff(int failures) {
        Duration wait = config.syncRetry();
        for (int i = 1; i < failures && wait.compareTo(MOST_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MOST_BACKOFF) > 0 ? MOST_BACKOFF : wait;
    }

    /** Pushes the whole tree to every peer, then removes folders of videos gone from the database. */
    void reconcile() {
        Path tree = storage.root().resolve(VIDEOS);
        if (!Files.isDirectory(tree)) {
            return;
        }
        peers.forEach(peer -> transfer(peer, commands.push(peer, VIDEOS), TRANSFER_LIMIT));
        removeOrphans(tree);
    }

    private void catchUp() {
        for (Peer peer : peers) {
            transfer(peer, commands.pull(peer, VIDEOS), TRANSFER_LIMIT)
                    .ifPresent(error -> LOG.info(() -> "could not catch up from " + peer.name() + " now: " + error));
        }
    }

    private void removeOrphans(Path tree) {
        Instant old = clock.instant().minus(ORPHAN_AGE);
        try (var folders = Files.find(tree, 3, (path, attributes) -> attributes.isDirectory()
                && tree.relativize(path).getNameCount() == 3)) {
            for (Path folder : folders.toList()) {
                String videoId = folder.getFileName().toString();
                if (Files.getLastModifiedTime(folder).toInstant().isBefore(old) && videos.find(videoId).isEmpty()) {
                    LOG.info(() -> "removing the folder of video " + videoId + ", which no longer exists");
                    MediaStorage.deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not look for folders of deleted videos", e);
        }
    }

    /** Runs a transfer's commands in order; the error (rsync's stderr tail), if one failed. */
    private Optional<String> transfer(Peer peer, List<ExternalCommand> transfer, Duration max) {
        try {
            for (ExternalCommand command : transfer) {
                runner.run(command, max);
            }
            lastTransfer.put(peer.name(), clock.instant());
            if (failing.remove(peer.name()) != null) {
                LOG.info(() -> "transfers to and from " + peer.name() + " work again");
            }
            return Optional.empty();
        } catch (ExternalProcessException e) {
            String error = e.getMessage() + (e.stderrTail() == null ? "" : ": " + e.stderrTail().strip());
            if (failing.put(peer.name(), error) == null) {
                LOG.warning(() -> "a transfer with " + peer.name() + " failed (retried; said once until it works): " + error);
            }
            return Optional.of(error);
        }
    }

    private Optional<Peer> peer(String name) {
        return peers.stream().filter(peer -> peer.name().equals(name)).findFirst();
    }

    private String folderOf(String videoId) {
        return storage.relative(storage.videoDir(videoId));
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
