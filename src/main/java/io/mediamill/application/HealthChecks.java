package io.mediamill.application;

import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.MediaProber;
import io.mediamill.infrastructure.persistence.DatabaseOutage;
import io.mediamill.infrastructure.media.Transcoder;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import io.mediamill.domain.model.processing.QueueCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether the service can do its work right now: database reachable, ffmpeg runnable, media volume writable, batch
 * runtime up. A database that cannot be reached is named as such, with the reason, and its going and coming back
 * are logged once each.
 */
@ApplicationScoped
public class HealthChecks {

    private static final Logger LOG = Logger.getLogger(HealthChecks.class.getName());

    /**
     * The outcome of one check: a line an operator can act on ({@code detail}, which may name paths, hosts and
     * versions) and, when it is down, a few words anyone may be told ({@code summary}).
     */
    public record Check(boolean up, String detail, String summary) {

        public Check(boolean up, String detail) {
            this(up, detail, up ? null : "down");
        }
    }

    private static final Duration FFMPEG_CHECK_TTL = Duration.ofSeconds(30);

    private volatile CachedCheck ffmpegCheck;
    private volatile Boolean databaseWasUp;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Transcoder transcoder;

    @Inject
    MediaProber prober;

    @Inject
    MediaStorage storage;

    @Inject
    MediamillConfig config;

    @Inject
    BatchJobs jobs;

    @Inject
    JobControl jobControl;

    public Map<String, Check> run() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("database", noteChange(guarded(this::database)));
        checks.put("ffmpeg", guarded(this::ffmpeg));
        checks.put("disk", guarded(this::disk));
        checks.put("batch", guarded(this::batch));
        checks.put("queue", guarded(this::queue));
        return checks;
    }

    private Check database() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            String product = product(connection.getMetaData().getDatabaseProductName(),
                    connection.getMetaData().getDatabaseProductVersion());
            return valid ? new Check(true, product)
                    : new Check(false, product + " does not answer", "the database does not answer");
        } catch (SQLException | RuntimeException e) {
            return unreachable(e).orElseGet(() -> new Check(false, "no connection: " + e.getMessage(),
                    "the database failed"));
        }
    }

    /** The database could not be reached: the reason in plain words for anyone, the driver's words for operators. */
    private static Optional<Check> unreachable(Throwable failure) {
        return DatabaseOutage.in(failure).map(outage -> new Check(false,
                "cannot be reached (" + outage.cause() + "): " + outage.detail(),
                "the database cannot be reached: " + outage.cause()));
    }

    private Check noteChange(Check database) {
        Boolean before = databaseWasUp;
        databaseWasUp = database.up();
        if (before != null && before != database.up()) {
            if (database.up()) {
                LOG.info(() -> "the database answers again: " + database.detail());
            } else {
                LOG.warning(() -> "the database is down, requests that need it are answered 503: " + database.detail());
            }
        }
        return database;
    }

    /**
     * The database as it names itself. MariaDB's driver may be asked to call the server "MySQL" (Payara's batch
     * runtime knows no MariaDB), but the server's own version string still says MariaDB.
     */
    static String product(String name, String version) {
        return version.contains("MariaDB") ? "MariaDB " + version : name + " " + version;
    }

    /** A job repository that failed to start leaves the job operator stopped: uploads would never be processed. */
    private Check batch() {
        return new Check(true, "job operator answers; known jobs: " + jobs.knownJobNames());
    }

    /** The processing queue and this node's part in it: a node whose heartbeat is stale would lose its work. */
    private Check queue() {
        QueueOverview overview = jobControl.overview();
        QueueCounts queue = overview.queue();
        String counts = "due " + queue.due() + ", waiting for retry " + queue.waitingForRetry() + ", running "
                + queue.running() + ", failed videos " + overview.failedVideos();
        return overview.nodes().stream().map(NodeDirectory.NodeView::activity)
                .filter(node -> node.name().equals(overview.node())).findFirst()
                .map(node -> new Check(node.alive(), counts + "; node " + node.name() + " (" + node.workers()
                        + " workers) last heartbeat " + Duration.between(node.lastHeartbeat(), Instant.now()).toSeconds()
                        + " s ago" + (node.alive() ? "" : ": too long, its work will be taken over")))
                .orElseGet(() -> new Check(false, counts + "; node " + overview.node() + " has sent no heartbeat"));
    }

    /** Two process launches per look, so the answer is kept for a while: binaries rarely come and go. */
    private Check ffmpeg() {
        CachedCheck cached = ffmpegCheck;
        if (cached != null && cached.takenAt() > System.nanoTime() - FFMPEG_CHECK_TTL.toNanos()) {
            return cached.check();
        }
        Check check = guarded(() -> new Check(true, transcoder.version() + "; " + prober.version()));
        ffmpegCheck = new CachedCheck(check, System.nanoTime());
        return check;
    }

    private record CachedCheck(Check check, long takenAt) {
    }

    private Check disk() {
        Path root = storage.root();
        try {
            Files.createDirectories(root);
            long free = Files.getFileStore(root).getUsableSpace();
            boolean writable = Files.isWritable(root);
            boolean enough = free >= config.minimumFreeDiskBytes();
            String detail = root + ": " + (free >> 20) + " MiB free" + (writable ? "" : ", not writable")
                    + (enough ? "" : ", below the minimum of " + (config.minimumFreeDiskBytes() >> 20) + " MiB");
            return new Check(writable && enough, detail);
        } catch (IOException e) {
            return new Check(false, root + ": " + e.getMessage());
        }
    }

    /** A check that throws is down; when it needed the database, the database is named as the reason. */
    private static Check guarded(Supplier<Check> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return unreachable(e).orElseGet(() -> new Check(false, e.getMessage()));
        }
    }
}
