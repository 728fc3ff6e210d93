package io.mediamill.application;

import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.MediaProber;
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
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Whether the service can do its work right now: database reachable, ffmpeg runnable, media volume writable, batch runtime up. */
@ApplicationScoped
public class HealthChecks {

    /** The outcome of one check, with a line a person can act on. */
    public record Check(boolean up, String detail) {
    }

    private static final Duration FFMPEG_CHECK_TTL = Duration.ofSeconds(30);

    private volatile CachedCheck ffmpegCheck;

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
        checks.put("database", guarded(this::database));
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
            return new Check(valid, valid ? product : product + " does not answer");
        } catch (SQLException e) {
            return new Check(false, "no connection: " + e.getMessage());
        }
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
        return overview.nodes().stream().filter(node -> node.name().equals(overview.node())).findFirst()
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

    private static Check guarded(Supplier<Check> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return new Check(false, e.getMessage());
        }
    }
}
