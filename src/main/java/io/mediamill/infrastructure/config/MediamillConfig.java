package io.mediamill.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Every setting of the service, read once from a system property (set by the server configuration) or
 * else the matching environment variable. The README lists them.
 */
@ApplicationScoped
public class MediamillConfig {

    private final Path mediaDir;
    private final String ffmpeg;
    private final String ffprobe;
    private final int snapshotCount;
    private final Duration probeTimeout;
    private final Duration minimumTranscodeTimeout;
    private final double transcodeTimeoutPerMediaSecond;
    private final long minimumFreeDiskBytes;
    private final Duration stallTimeout;
    private final long maxUploadBytes;
    private final Duration uploadExpiry;
    private final long maxDurationSeconds;
    private final Path home;
    private final String adminPassword;
    private final Duration signInWindow;
    private final int signInMaxFailuresPerUser;
    private final int signInMaxFailuresPerAddress;
    private final List<String> corsOrigins;
    private final List<String> trustedProxies;
    private final int maxUnfinishedUploads;
    private final long maxUnfinishedUploadBytes;
    private final int probeConcurrency;
    private final Duration mediaUrlTtl;
    private final String nodeName;
    private final int workers;
    private final Duration retryBackoff;
    private final int maxAttempts;
    private final Duration heartbeatInterval;
    private final Duration queuePollInterval;
    private final Duration incomingMaxAge;
    private final String metricsToken;
    private final String peers;
    private final String rsyncSecret;
    private final String rsync;
    private final Duration syncRetry;
    private final Duration syncReconcile;
    private final LiveSettings live;
    private final SlideshowSettings slideshow;

    /**
     * The live relays' settings: how many one node runs, how many failures in a row end one, whether sources on
     * loopback and link-local addresses are allowed, the I/O timeout on a source, how long output may stand still
     * before ffmpeg is killed, the HLS segment length, and the first wait before a retry (doubling, at most 30 s).
     */
    public record LiveSettings(int max, int maxFailures, boolean allowPrivate, Duration ioTimeout, Duration stall,
                               int segmentSeconds, Duration retry) {
    }

    /**
     * Slideshow composition: the most images and stored megapixels one ffmpeg run takes in (ffmpeg holds a
     * decoded picture of every input of its graph, so these bound its memory), the largest image taken, and the
     * font titles are drawn with.
     */
    public record SlideshowSettings(int batchImages, int batchMegapixels, int maxImageMegapixels, Path titleFont) {
    }

    /** Where Debian (fonts-noto-cjk) and other distributions put Noto Sans CJK, which covers Latin, Cyrillic and CJK. */
    private static final List<String> TITLE_FONTS = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc");

    public MediamillConfig() {
        this.mediaDir = Path.of(setting("mediamill.media.dir", "MEDIAMILL_MEDIA_DIR",
                Path.of(System.getProperty("user.dir"), "data", "media").toString())).toAbsolutePath();
        this.ffmpeg = setting("mediamill.ffmpeg", "MEDIAMILL_FFMPEG", "ffmpeg");
        this.ffprobe = setting("mediamill.ffprobe", "MEDIAMILL_FFPROBE", "ffprobe");
        this.snapshotCount = Integer.parseInt(setting("mediamill.snapshots", "MEDIAMILL_SNAPSHOTS", "4"));
        this.probeTimeout = Duration.ofSeconds(Long.parseLong(
                setting("mediamill.probe.timeout-seconds", "MEDIAMILL_PROBE_TIMEOUT_SECONDS", "60")));
        this.minimumTranscodeTimeout = Duration.ofSeconds(Long.parseLong(
                setting("mediamill.transcode.min-timeout-seconds", "MEDIAMILL_TRANSCODE_MIN_TIMEOUT_SECONDS", "300")));
        this.transcodeTimeoutPerMediaSecond = Double.parseDouble(
                setting("mediamill.transcode.timeout-factor", "MEDIAMILL_TRANSCODE_TIMEOUT_FACTOR", "20"));
        this.stallTimeout = Duration.ofSeconds(Long.parseLong(
                setting("mediamill.transcode.stall-timeout-seconds", "MEDIAMILL_STALL_TIMEOUT_SECONDS", "120")));
        this.maxUploadBytes = Long.parseLong(
                setting("mediamill.upload.max-bytes", "MEDIAMILL_UPLOAD_MAX_BYTES", String.valueOf(20L << 30)));
        this.uploadExpiry = Duration.ofSeconds(Long.parseLong(
                setting("mediamill.upload.expiry-seconds", "MEDIAMILL_UPLOAD_EXPIRY_SECONDS", "86400")));
        this.maxDurationSeconds = Long.parseLong(
                setting("mediamill.upload.max-duration-seconds", "MEDIAMILL_MAX_DURATION_SECONDS", "21600"));
        this.mediaUrlTtl = Duration.ofSeconds(Long.parseLong(
                setting("mediamill.media.url-ttl-seconds", "MEDIAMILL_MEDIA_URL_TTL_SECONDS", "21600")));
        if (mediaUrlTtl.isNegative() || mediaUrlTtl.isZero()) {
            throw new IllegalArgumentException("MEDIAMILL_MEDIA_URL_TTL_SECONDS must be positive, not "
                    + mediaUrlTtl.toSeconds());
        }
        this.minimumFreeDiskBytes = Long.parseLong(
                setting("mediamill.disk.min-free-bytes", "MEDIAMILL_DISK_MIN_FREE_BYTES", String.valueOf(512L << 20)));
        this.home = Path.of(setting("mediamill.home", "MEDIAMILL_HOME", mediaDir.getParent().toString())).toAbsolutePath();
        // A secret: from the environment of the server process only, never from a configuration file.
        this.adminPassword = System.getenv("MEDIAMILL_ADMIN_PASSWORD");
        this.signInWindow = Duration.ofSeconds(Long.parseLong(
                setting("mediamill.signin.window-seconds", "MEDIAMILL_SIGNIN_WINDOW_SECONDS", "300")));
        this.signInMaxFailuresPerUser = Integer.parseInt(
                setting("mediamill.signin.max-failures", "MEDIAMILL_SIGNIN_MAX_FAILURES", "5"));
        this.signInMaxFailuresPerAddress = Integer.parseInt(
                setting("mediamill.signin.max-failures-per-address", "MEDIAMILL_SIGNIN_MAX_FAILURES_PER_ADDRESS", "20"));
        this.corsOrigins = list(setting("mediamill.cors.origins", "MEDIAMILL_CORS_ORIGINS", ""));
        this.trustedProxies = list(setting("mediamill.trusted-proxies", "MEDIAMILL_TRUSTED_PROXIES", ""));
        this.maxUnfinishedUploads = Integer.parseInt(
                setting("mediamill.tus.max-unfinished", "MEDIAMILL_TUS_MAX_UNFINISHED", "10"));
        this.maxUnfinishedUploadBytes = Long.parseLong(setting("mediamill.tus.max-unfinished-bytes",
                "MEDIAMILL_TUS_MAX_UNFINISHED_BYTES", String.valueOf(2 * maxUploadBytes)));
        this.probeConcurrency = Integer.parseInt(setting("mediamill.probe.concurrency", "MEDIAMILL_PROBE_CONCURRENCY",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        this.nodeName = setting("mediamill.node.name", "MEDIAMILL_NODE_NAME", defaultNodeName());
        // ffmpeg spreads one encode over every core: one job per two cores keeps each fast.
        this.workers = positive("MEDIAMILL_WORKERS", Integer.parseInt(setting("mediamill.workers", "MEDIAMILL_WORKERS",
                String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)))));
        this.retryBackoff = Duration.ofSeconds(positive("MEDIAMILL_RETRY_BACKOFF_SECONDS", Long.parseLong(
                setting("mediamill.retry.backoff-seconds", "MEDIAMILL_RETRY_BACKOFF_SECONDS", "30"))));
        this.maxAttempts = positive("MEDIAMILL_MAX_ATTEMPTS", Integer.parseInt(
                setting("mediamill.retry.max-attempts", "MEDIAMILL_MAX_ATTEMPTS", "3")));
        this.heartbeatInterval = Duration.ofSeconds(positive("MEDIAMILL_HEARTBEAT_SECONDS", Long.parseLong(
                setting("mediamill.heartbeat-seconds", "MEDIAMILL_HEARTBEAT_SECONDS", "15"))));
        this.queuePollInterval = Duration.ofSeconds(positive("MEDIAMILL_QUEUE_POLL_SECONDS", Long.parseLong(
                setting("mediamill.queue.poll-seconds", "MEDIAMILL_QUEUE_POLL_SECONDS", "5"))));
        this.incomingMaxAge = Duration.ofSeconds(positive("MEDIAMILL_INCOMING_MAX_AGE_SECONDS", Long.parseLong(
                setting("mediamill.incoming.max-age-seconds", "MEDIAMILL_INCOMING_MAX_AGE_SECONDS", "21600"))));
        // A secret: from the environment only, like the admin password.
        this.metricsToken = System.getenv("MEDIAMILL_METRICS_TOKEN");
        this.peers = setting("mediamill.peers", "MEDIAMILL_PEERS", "");
        this.rsyncSecret = System.getenv("MEDIAMILL_RSYNC_SECRET");
        this.rsync = setting("mediamill.rsync", "MEDIAMILL_RSYNC", "rsync");
        this.syncRetry = Duration.ofSeconds(positive("MEDIAMILL_SYNC_RETRY_SECONDS", Long.parseLong(
                setting("mediamill.sync.retry-seconds", "MEDIAMILL_SYNC_RETRY_SECONDS", "5"))));
        this.syncReconcile = Duration.ofSeconds(positive("MEDIAMILL_SYNC_RECONCILE_SECONDS", Long.parseLong(
                setting("mediamill.sync.reconcile-seconds", "MEDIAMILL_SYNC_RECONCILE_SECONDS", "300"))));
        this.slideshow = new SlideshowSettings(
                Math.max(2, positive("MEDIAMILL_SLIDESHOW_BATCH_IMAGES", Integer.parseInt(
                        setting("mediamill.slideshow.batch-images", "MEDIAMILL_SLIDESHOW_BATCH_IMAGES", "16")))),
                positive("MEDIAMILL_SLIDESHOW_BATCH_MEGAPIXELS", Integer.parseInt(
                        setting("mediamill.slideshow.batch-megapixels", "MEDIAMILL_SLIDESHOW_BATCH_MEGAPIXELS", "100"))),
                positive("MEDIAMILL_SLIDESHOW_MAX_IMAGE_MEGAPIXELS", Integer.parseInt(setting(
                        "mediamill.slideshow.max-image-megapixels", "MEDIAMILL_SLIDESHOW_MAX_IMAGE_MEGAPIXELS", "100"))),
                Path.of(setting("mediamill.slideshow.title-font", "MEDIAMILL_TITLE_FONT", TITLE_FONTS.stream()
                        .filter(font -> java.nio.file.Files.isRegularFile(Path.of(font))).findFirst()
                        .orElse(TITLE_FONTS.get(0)))));
        this.live = new LiveSettings(
                positive("MEDIAMILL_LIVE_MAX", Integer.parseInt(setting("mediamill.live.max", "MEDIAMILL_LIVE_MAX", "5"))),
                positive("MEDIAMILL_LIVE_MAX_FAILURES", Integer.parseInt(
                        setting("mediamill.live.max-failures", "MEDIAMILL_LIVE_MAX_FAILURES", "10"))),
                Boolean.parseBoolean(setting("mediamill.live.allow-private", "MEDIAMILL_LIVE_ALLOW_PRIVATE", "false")),
                Duration.ofSeconds(positive("MEDIAMILL_LIVE_IO_TIMEOUT_SECONDS", Long.parseLong(
                        setting("mediamill.live.io-timeout-seconds", "MEDIAMILL_LIVE_IO_TIMEOUT_SECONDS", "5")))),
                Duration.ofSeconds(positive("MEDIAMILL_LIVE_STALL_SECONDS", Long.parseLong(
                        setting("mediamill.live.stall-seconds", "MEDIAMILL_LIVE_STALL_SECONDS", "10")))),
                positive("MEDIAMILL_LIVE_SEGMENT_SECONDS", Integer.parseInt(
                        setting("mediamill.live.segment-seconds", "MEDIAMILL_LIVE_SEGMENT_SECONDS", "1"))),
                Duration.ofSeconds(positive("MEDIAMILL_LIVE_RETRY_SECONDS", Long.parseLong(
                        setting("mediamill.live.retry-seconds", "MEDIAMILL_LIVE_RETRY_SECONDS", "1")))));
    }

    private static String defaultNodeName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }

    private static <N extends Number> N positive(String name, N value) {
        if (value.longValue() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String setting(String property, String environmentVariable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Root of the media volume: uploads in progress and committed media. */
    public Path mediaDir() {
        return mediaDir;
    }

    public String ffmpeg() {
        return ffmpeg;
    }

    public String ffprobe() {
        return ffprobe;
    }

    /** How many evenly spaced snapshots a video gets; the first is the poster. */
    public int snapshotCount() {
        return snapshotCount;
    }

    public Duration probeTimeout() {
        return probeTimeout;
    }

    /** How long one ffmpeg run over a whole source may take: proportional to its duration, never below a floor. */
    public Duration transcodeTimeout(Double mediaSeconds) {
        double seconds = mediaSeconds == null ? 0 : mediaSeconds * transcodeTimeoutPerMediaSecond;
        return Duration.ofSeconds(Math.max(minimumTranscodeTimeout.toSeconds(), (long) Math.ceil(seconds)));
    }

    /** How long an encode may go without its output advancing before it is killed as stalled. */
    public Duration stallTimeout() {
        return stallTimeout;
    }

    /** The largest upload accepted, multipart or resumable (tus Tus-Max-Size). */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Longer media is refused at upload. */
    public long maxDurationSeconds() {
        return maxDurationSeconds;
    }

    /** How long an unfinished resumable upload may be resumed before its bytes are removed. */
    public Duration uploadExpiry() {
        return uploadExpiry;
    }

    /**
     * The media volume's reserve: below this much free space the health check reports the disk as down, and an
     * upload that would eat into it is refused.
     */
    public long minimumFreeDiskBytes() {
        return minimumFreeDiskBytes;
    }

    /** How long a signed media URL handed out in the video JSON stays valid. */
    public Duration mediaUrlTtl() {
        return mediaUrlTtl;
    }

    /** The instance's data directory (MEDIAMILL_HOME): the media volume, the first admin's password file. */
    public Path home() {
        return home;
    }

    /** The password the first admin gets on the very first start; null means a generated one. */
    public String adminPassword() {
        return adminPassword;
    }

    /** Failed sign-ins are counted in windows of this length. */
    public Duration signInWindow() {
        return signInWindow;
    }

    public int signInMaxFailuresPerUser() {
        return signInMaxFailuresPerUser;
    }

    public int signInMaxFailuresPerAddress() {
        return signInMaxFailuresPerAddress;
    }

    /** Origins (scheme://host:port) whose pages may call the API with credentials of their own (Bearer). */
    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /** Addresses of reverse proxies whose X-Forwarded-* headers are believed; everyone else's are ignored. */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /**
     * How many resumable uploads one owner may have unfinished at once: each holds a file on the media volume
     * until it completes, is terminated or expires.
     */
    public int maxUnfinishedUploads() {
        return maxUnfinishedUploads;
    }

    /** How many bytes one owner's unfinished resumable uploads may declare (Upload-Length) in all. */
    public long maxUnfinishedUploadBytes() {
        return maxUnfinishedUploadBytes;
    }

    /** How many ffprobe runs may check uploads at once. */
    public int probeConcurrency() {
        return probeConcurrency;
    }

    /** This node's name in the shared database: who holds a task, who ran an attempt. Unique per node. */
    public String nodeName() {
        return nodeName;
    }

    /** How many videos this node processes at once: the processing queue's thread count. */
    public int workers() {
        return workers;
    }

    /** The wait before the first retry of a failed attempt; it doubles for each further one. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** Attempts a video gets before it waits, FAILED, for an operator. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** How often a node says it is alive; a node that missed four is taken for dead and its work taken over. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** How often an idle node looks for due work that another node queued. */
    public Duration queuePollInterval() {
        return queuePollInterval;
    }

    /** How old a multipart upload's file in incoming/ must be for the start-up sweep to take it for abandoned. */
    public Duration incomingMaxAge() {
        return incomingMaxAge;
    }

    /** The bearer token a metrics scraper may use instead of an operator's sign-in; null when none is set. */
    public String metricsToken() {
        return metricsToken == null || metricsToken.isBlank() ? null : metricsToken;
    }

    /** The other nodes' media volumes ({@code MEDIAMILL_PEERS}: name=rsync://host:port/module or name=host:path). */
    public String peers() {
        return peers;
    }

    /** The secret of the nodes' rsync daemons; null when none is set. */
    public String rsyncSecret() {
        return rsyncSecret == null || rsyncSecret.isBlank() ? null : rsyncSecret;
    }

    public String rsync() {
        return rsync;
    }

    /** The wait before a failed transfer to a peer is tried again, doubling up to five minutes. */
    public Duration syncRetry() {
        return syncRetry;
    }

    /** How often every peer gets the whole volume, to catch whatever a push missed. */
    public Duration syncReconcile() {
        return syncReconcile;
    }

    public SlideshowSettings slideshow() {
        return slideshow;
    }

    public LiveSettings live() {
        return live;
    }
}
