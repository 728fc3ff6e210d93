package io.mediamill.infrastructure.sync;

import io.mediamill.infrastructure.Backoff;
import io.mediamill.domain.model.replication.PeerStatus;
import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.ProcessRunner;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps this node's media volume and its peers' in sync with rsync, through one {@link PeerLink} per peer: each
 * drains the backlog owed to its peer (every second, and at once when something is queued; a failed transfer
 * waits, doubling, up to five minutes), pushes the whole {@code videos/} tree every
 * {@code MEDIAMILL_SYNC_RECONCILE_SECONDS} and catches up from its peer at start. Folders of videos that no longer
 * exist go from this volume as often. With no peers, nothing runs.
 */
@ApplicationScoped
public class RsyncReplication implements VolumeReplication {

    private static final Logger LOG = Logger.getLogger(RsyncReplication.class.getName());
    private static final Duration MOST_BACKOFF = Duration.ofMinutes(5);
    /** An upload moves its files in before it records its video: younger folders without a video are left alone. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

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

    private volatile List<PeerLink> links = List.of();
    private volatile SyncBacklog backlog;
    private ScheduledExecutorService sweeper;

    /** Reads the peers (a bad setting stops the start, saying why) and starts a link to each. */
    public synchronized void start() {
        List<Peer> configured = Peers.parse(config.peers(), config.nodeName());
        if (configured.isEmpty()) {
            return;
        }
        requireSharedDatabase(dataSource);
        RsyncCommands commands = new RsyncCommands(config.rsync(), storage.root(), passwordFile(configured));
        backlog = new SyncBacklog(dataSource, config.nodeName());
        Backoff backoff = new Backoff(config.syncRetry(), MOST_BACKOFF);
        links = configured.stream()
                .map(peer -> new PeerLink(peer, commands, runner, backlog, storage, backoff, clock)).toList();
        links.forEach(link -> link.start(threads, config.syncReconcile()));
        long sweep = config.syncReconcile().toSeconds();
        sweeper = Executors.newSingleThreadScheduledExecutor(threads);
        sweeper.scheduleWithFixedDelay(this::removeDeletedVideoFolders, sweep, sweep, TimeUnit.SECONDS);
        LOG.info(() -> "media volume kept in sync with " + configured.stream().map(Peer::name).toList());
    }

    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
        List<PeerLink> stopping = links;
        links = List.of();
        stopping.forEach(PeerLink::stop);
    }

    /**
     * Peers must share this node's database: on a database of its own (the embedded H2) a node would take its
     * peers' videos for deleted ones and remove their folders, on every volume.
     */
    static void requireSharedDatabase(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.toLowerCase(Locale.ROOT).contains("h2")) {
                throw new IllegalStateException("MEDIAMILL_PEERS is set, but this node keeps its state in the embedded "
                        + "H2 database: nodes that sync their volumes must share one MariaDB (set MEDIAMILL_DB_URL)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not tell which database this node uses: " + e.getMessage(), e);
        }
    }

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
        return RsyncPasswordFile.write(file, secret);
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
        List<PeerLink> current = links;
        Instant now = clock.instant();
        current.forEach(link -> backlog.add(link.peer().name(), videoId, action, now));
        current.forEach(PeerLink::nudge);
    }

    /** Asks each peer in turn; one that does not have the folder is no failure, the next one may. */
    @Override
    public boolean pullVideo(String videoId, Duration max) {
        return links.stream().anyMatch(link -> link.pullVideo(videoId, max).done());
    }

    @Override
    public boolean pullUpload(String uploadId, String fromNode, Duration max) {
        Optional<PeerLink> holder = links.stream().filter(link -> link.peer().name().equals(fromNode)).findFirst();
        String file = storage.relative(storage.resumableFile(uploadId));
        return holder.isPresent() && holder.get().pullFile(file, max).done();
    }

    @Override
    public boolean hasPeers() {
        return !links.isEmpty();
    }

    @Override
    public List<PeerStatus> peers() {
        return links.stream().map(PeerLink::status).toList();
    }

    private void removeDeletedVideoFolders() {
        try {
            new DeletedVideoFolders(storage.root().resolve(PeerLink.VIDEOS), id -> videos.find(id).isPresent())
                    .removeOlderThan(clock.instant().minus(ORPHAN_AGE));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not look for folders of deleted videos", e);
        }
    }
}
