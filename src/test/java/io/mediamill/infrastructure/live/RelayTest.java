package io.mediamill.infrastructure.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.live.CameraId;
import io.mediamill.domain.model.live.InputFacts;
import io.mediamill.domain.model.live.LiveStream;
import io.mediamill.domain.model.live.LiveStreamRepository;
import io.mediamill.domain.model.live.RelayState;
import io.mediamill.domain.model.live.StreamSource;
import io.mediamill.infrastructure.config.MediamillConfig.LiveSettings;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.ExternalProcessException;
import io.mediamill.infrastructure.media.ProcessResult;
import io.mediamill.infrastructure.media.ProcessRunner;
import io.mediamill.infrastructure.media.RunLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's supervision, with ffmpeg and the database stood in for: retries, resets, giving up, losing the claim. */
class RelayTest {

    private static final String PROBE = "{\"streams\":[{\"codec_type\":\"video\",\"codec_name\":\"h264\",\"width\":640,"
            + "\"height\":360}],\"format\":{}}";
    private static final LiveSettings SETTINGS = new LiveSettings(5, 3, true, Duration.ofSeconds(5), Duration.ofSeconds(10),
            1, Duration.ofMillis(1));

    @TempDir
    Path dir;

    private final RecordingStreams streams = new RecordingStreams();

    @Test
    void failuresInARowEndInFailedWithTheLastErrorMasked() {
        ScriptedRunner runner = new ScriptedRunner(
                progress -> { throw failure("Connection refused"); },
                progress -> { throw failure("Connection refused"); },
                progress -> { throw failure("401 Unauthorized for rtsp://admin:hunter22@cam/s1"); });
        relay(runner).run();
        assertEquals(List.of("retrying 1/1", "retrying 2/2", "failed 3/3"), streams.changes);
        assertTrue(streams.lastError.contains("401 Unauthorized"), streams.lastError);
        assertFalse(streams.lastError.contains("hunter22"), streams.lastError);
    }

    @Test
    void aRunThatProducedOutputStartsTheCountAfresh() {
        ScriptedRunner runner = new ScriptedRunner(
                progress -> { throw failure("refused"); },
                progress -> { throw failure("refused"); },
                progress -> { progress.accept(1.0); progress.accept(2.0); throw failure("the camera rebooted"); },
                progress -> { throw failure("refused"); },
                progress -> { throw failure("refused"); });
        relay(runner).run();
        assertEquals(List.of("retrying 1/1", "retrying 2/2", "running", "retrying 3/1", "retrying 4/2", "failed 5/3"),
                streams.changes);
    }

    @Test
    void aRunThatDiesBeforeAWholeSegmentHasNotRun() {
        ScriptedRunner runner = new ScriptedRunner(
                progress -> { progress.accept(0.2); throw failure("broken pipe"); },
                progress -> { progress.accept(0.4); throw failure("broken pipe"); },
                progress -> { progress.accept(0.1); throw failure("broken pipe"); });
        relay(runner).run();
        assertEquals(List.of("retrying 1/1", "retrying 2/2", "failed 3/3"), streams.changes,
                "never RUNNING, and the failures count up to FAILED");
    }

    @Test
    void aSourceThatEndsTheStreamIsRetriedToo() {
        ScriptedRunner runner = new ScriptedRunner(progress -> progress.accept(1.0), progress -> { }, progress -> { });
        relay(runner).run();
        assertEquals(List.of("running", "retrying 1/1", "retrying 2/2", "failed 3/3"), streams.changes);
        assertEquals("the source ended the stream", streams.lastError);
    }

    @Test
    void h264ThatCannotBeCopiedForItsTimestampsIsEncodedFromTheNextRunOn() {
        ScriptedRunner runner = new ScriptedRunner(
                progress -> { throw failure("[hls @ 0x1] Connection refused"); },
                progress -> { throw failure("[mpegts @ 0x2] first pts and dts value must be set\nav_interleaved_write_frame(): "
                        + "Invalid data found when processing input"); },
                progress -> progress.accept(1.0));
        relay(runner).run();
        assertEquals(List.of("copy", "copy", "encode", "encode", "encode"), streams.modes,
                "a refused connection changes nothing; timestamps ffmpeg cannot copy make it encode");
    }

    @Test
    void aRelayWhoseCameraWentToAnotherNodeEnds() {
        streams.held = false;
        ScriptedRunner runner = new ScriptedRunner(progress -> { throw failure("never run"); });
        relay(runner).run();
        assertEquals(List.of("probed"), streams.changes, "the probe's record found the claim gone: no ffmpeg ran");
        assertEquals(0, runner.runs);
    }

    private Relay relay(ScriptedRunner runner) {
        LiveStream stream = new LiveStream(new CameraId("door"), StreamSource.source("rtsp://admin:hunter22@cam/s1"), null,
                null, "op", true, "node-a", RelayState.STARTING, Instant.now(), null, 0, 0, null, null, null, null);
        Relay.Parts parts = new Relay.Parts(streams, runner, new LiveCommands("ffmpeg", "ffprobe", SETTINGS), SETTINGS,
                Clock.systemUTC(), "node-a");
        return new Relay(stream, parts, dir.resolve("door"));
    }

    private static ExternalProcessException failure(String stderr) {
        return new ExternalProcessException("ffmpeg exited with 1", stderr, 1);
    }

    /** What one ffmpeg run does with its progress callback: report progress, return, or throw. */
    private interface Run {
        void run(DoubleConsumer progress);
    }

    /** Answers every probe with an H.264 camera and plays the runs in order; a run past the script fails. */
    private static final class ScriptedRunner implements ProcessRunner {

        private final Deque<Run> script;
        int runs;

        ScriptedRunner(Run... runs) {
            this.script = new ArrayDeque<>(List.of(runs));
        }

        @Override
        public ProcessResult run(ExternalCommand command, Duration timeout) {
            return new ProcessResult(PROBE, "");
        }

        @Override
        public void runWithProgress(ExternalCommand command, RunLimits limits, DoubleConsumer processedSeconds) {
            runs++;
            Run next = script.poll();
            if (next == null) {
                throw failure("past the script");
            }
            next.run(processedSeconds);
        }

        @Override
        public int destroyOwnedBy(String owner) {
            return 0;
        }

        @Override
        public int runningCount() {
            return 0;
        }
    }

    /** Records the relay's state changes as short lines; {@code held} says whether this node still holds the camera. */
    private static final class RecordingStreams implements LiveStreamRepository {

        final List<String> changes = new ArrayList<>();
        final List<String> modes = new ArrayList<>();
        String lastError;
        boolean held = true;

        @Override
        public boolean probed(CameraId cameraId, String node, InputFacts input, boolean transcoding) {
            if (!held) {
                changes.add("probed");
            }
            modes.add(transcoding ? "encode" : "copy");
            return held;
        }

        @Override
        public boolean running(CameraId cameraId, String node, Instant since) {
            changes.add("running");
            return held;
        }

        @Override
        public boolean outputBitrate(CameraId cameraId, String node, long bitsPerSecond) {
            return held;
        }

        @Override
        public boolean retrying(CameraId cameraId, String node, String error, int restarts, int failuresInARow) {
            changes.add("retrying " + restarts + "/" + failuresInARow);
            lastError = error;
            return held;
        }

        @Override
        public boolean failed(CameraId cameraId, String node, String error, int restarts, int failuresInARow) {
            changes.add("failed " + restarts + "/" + failuresInARow);
            lastError = error;
            return held;
        }

        @Override
        public Optional<LiveStream> find(CameraId cameraId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LiveStream> all() {
            throw new UnsupportedOperationException();
        }

        @Override
        public StartOutcome start(CameraId cameraId, StreamSource source, StreamSource rtmpTarget, String title, String owner,
                                  int capacity, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean stop(CameraId cameraId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CameraId> stopAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean claim(CameraId cameraId, String node, String seenOn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(CameraId cameraId, String node) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LiveStream> wanted() {
            throw new UnsupportedOperationException();
        }
    }
}
