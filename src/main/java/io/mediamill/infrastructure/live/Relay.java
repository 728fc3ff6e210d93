package io.mediamill.infrastructure.live;

import io.mediamill.domain.model.live.CameraId;
import io.mediamill.domain.model.live.InputFacts;
import io.mediamill.domain.model.live.LiveStream;
import io.mediamill.domain.model.live.LiveStreamRepository;
import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.VideoStreamInfo;
import io.mediamill.infrastructure.Backoff;
import io.mediamill.infrastructure.config.MediamillConfig.LiveSettings;
import io.mediamill.infrastructure.media.ExternalProcessException;
import io.mediamill.infrastructure.media.FfprobeJsonParser;
import io.mediamill.infrastructure.media.ProcessRunner;
import io.mediamill.infrastructure.media.RunLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One camera's relay on this node, on a thread of its own: probes the source, runs ffmpeg until it ends, and
 * runs it again after a backoff that doubles with each failure in a row. A run that produced output resets the
 * count; {@code maxFailures} in a row make the relay FAILED with ffmpeg's last words. H.264 is copied unless
 * copying failed on the camera's timestamps; then it is encoded, like every other codec. A hung ffmpeg cannot hold
 * it: the source's I/O timeout ends a run whose input goes quiet, and a run whose output stands still for the
 * stall limit is killed. Every state change names this node and stops the relay when the node no longer holds
 * the camera.
 */
final class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class.getName());
    /** A relay runs until it is stopped: no run is too long, only one without progress. */
    private static final Duration NO_END = Duration.ofDays(3650);
    private static final Duration MOST_BACKOFF = Duration.ofSeconds(30);
    /**
     * What ffmpeg says when a camera's packets cannot be copied as they come: some cameras (and RTSP servers) send
     * B-frames, or a first packet, without usable timestamps. Decoding and encoding gives every frame its own, so
     * the next run of such a relay encodes, even H.264.
     */
    private static final Pattern UNUSABLE_TIMESTAMPS = Pattern.compile(
            "first pts and dts value must be set|non monotonically increasing dts");
    /** How often the output's bitrate is measured and recorded while running. */
    private static final Duration BITRATE_EVERY = Duration.ofSeconds(5);

    /** What every relay of the node works with. */
    record Parts(LiveStreamRepository streams, ProcessRunner runner, LiveCommands commands, LiveSettings settings,
                 Clock clock, String node) {
    }

    private final LiveStream stream;
    private final Parts parts;
    private final Path folder;
    private final String owner;
    private final Backoff backoff;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Thread thread;
    /** Set once copying the camera's H.264 failed on its timestamps: from then on this relay encodes. */
    private boolean copyFailed;

    Relay(LiveStream stream, Parts parts, Path folder) {
        this.stream = stream;
        this.parts = parts;
        this.folder = folder;
        this.owner = "live camera " + stream.cameraId();
        this.backoff = new Backoff(parts.settings().retry(), MOST_BACKOFF);
    }

    CameraId cameraId() {
        return stream.cameraId();
    }

    /** Starts the relay's thread; {@code ended} runs on it once the relay has ended, for whatever reason. */
    void start(ThreadFactory threads, Consumer<Relay> ended) {
        Thread started = threads.newThread(() -> {
            try {
                run();
            } finally {
                ended.accept(this);
            }
        });
        started.setName("mediamill-live-" + stream.cameraId());
        thread = started;
        started.start();
    }

    /** Ends the relay: its ffmpeg (or probe) is killed and its backoff cut short. Returns at once. */
    void stop() {
        if (stopping.compareAndSet(false, true)) {
            parts.runner().destroyOwnedBy(owner);
            Thread running = thread;
            if (running != null) {
                running.interrupt();
            }
        }
    }

    boolean stopping() {
        return stopping.get();
    }

    /** Waits up to {@code limit} for the relay's thread to end. */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        Thread running = thread;
        if (running != null) {
            running.join(Math.max(1, limit.toMillis()));
            return !running.isAlive();
        }
        return true;
    }

    void run() {
        int restarts = stream.restarts();
        int failures = stream.failuresInARow();
        while (!stopping.get()) {
            AtomicBoolean producedOutput = new AtomicBoolean();
            String error;
            try {
                InputFacts input = probe();
                boolean transcode = !input.videoIsH264() || copyFailed;
                if (!parts.streams().probed(cameraId(), parts.node(), input, transcode)) {
                    return;
                }
                LiveFolder.empty(folder);
                parts.runner().runWithProgress(
                        parts.commands().relay(stream.source(), stream.rtmpTarget(), input, transcode, folder, owner),
                        new RunLimits(NO_END, parts.settings().stall()), new Progress(producedOutput));
                error = "the source ended the stream";
            } catch (ExternalProcessException e) {
                error = e.getMessage();
                if (UNUSABLE_TIMESTAMPS.matcher(e.stderrTail() == null ? "" : e.stderrTail()).find()) {
                    copyFailed = true;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "relay of camera " + cameraId() + " failed", e);
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            if (stopping.get()) {
                return;
            }
            error = masked(error);
            failures = producedOutput.get() ? 1 : failures + 1;
            restarts++;
            if (failures >= parts.settings().maxFailures()) {
                String reason = error;
                int inARow = failures;
                LOG.warning(() -> "camera " + cameraId() + " FAILED after " + inARow + " failures in a row: " + reason);
                parts.streams().failed(cameraId(), parts.node(), error, restarts, failures);
                return;
            }
            String reason = error;
            Duration wait = backoff.after(failures);
            LOG.info(() -> "camera " + cameraId() + " retries in " + wait.toMillis() + " ms: " + reason);
            if (!parts.streams().retrying(cameraId(), parts.node(), error, restarts, failures)) {
                return;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                if (stopping.get()) {
                    return;
                }
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private InputFacts probe() {
        Duration timeout = parts.settings().ioTimeout().multipliedBy(2).plusSeconds(10);
        String json = parts.runner().run(parts.commands().probe(stream.source(), owner), timeout).stdout();
        MediaInfo info = new FfprobeJsonParser().parse(json);
        VideoStreamInfo video = info.videoStream()
                .orElseThrow(() -> new ExternalProcessException("the source sends no video", "", null));
        return new InputFacts(video.codec(), info.audioStream().map(audio -> audio.codec()).orElse(null),
                video.width(), video.height());
    }

    private String masked(String error) {
        String masked = stream.source().maskIn(error);
        return stream.target().map(target -> target.maskIn(masked)).orElse(masked);
    }

    /**
     * Marks the relay RUNNING once its output holds a whole segment (a run that dies on its first packets has not
     * run, and does not start the failure count afresh), then records the bitrate now and then; stops the relay
     * when its claim is gone.
     */
    private final class Progress implements java.util.function.DoubleConsumer {

        private final AtomicBoolean producedOutput;
        private final AtomicBoolean recordedRunning = new AtomicBoolean();
        private final AtomicReference<Instant> lastBitrate = new AtomicReference<>();

        Progress(AtomicBoolean producedOutput) {
            this.producedOutput = producedOutput;
        }

        @Override
        public void accept(double seconds) {
            if (seconds < parts.settings().segmentSeconds()) {
                return;
            }
            try {
                Instant now = parts.clock().instant();
                boolean held = true;
                producedOutput.set(true);
                if (!recordedRunning.get()) {
                    held = parts.streams().running(cameraId(), parts.node(), now);
                    recordedRunning.set(true);
                    lastBitrate.set(now);
                    LOG.info(() -> "camera " + cameraId() + " is RUNNING on " + parts.node());
                } else if (Duration.between(lastBitrate.get(), now).compareTo(BITRATE_EVERY) >= 0) {
                    lastBitrate.set(now);
                    long bitrate = LiveFolder.bitrate(folder);
                    held = bitrate <= 0 || parts.streams().outputBitrate(cameraId(), parts.node(), bitrate);
                }
                if (!held) {
                    LOG.info(() -> "camera " + cameraId() + " is no longer held by " + parts.node() + ": its relay stops here");
                    stop();
                }
            } catch (RuntimeException e) {
                // The database is away: the relay goes on, its state is recorded at the next progress.
                LOG.log(Level.FINE, "could not record the progress of camera " + cameraId(), e);
            }
        }
    }
}
