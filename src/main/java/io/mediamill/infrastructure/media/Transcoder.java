package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.video.LadderPlan;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Runs the ffmpeg commands that turn a source into pictures, the adaptive stream and the download, each
 * under its limits, each on behalf of its video so that {@link #cancel} can stop it.
 */
@ApplicationScoped
public class Transcoder {

    private ProcessRunner runner;
    private MediamillConfig config;
    private FfmpegCommands commands;

    protected Transcoder() {
        // for CDI proxies
    }

    @Inject
    public Transcoder(ProcessRunner runner, MediamillConfig config) {
        this.runner = runner;
        this.config = config;
        this.commands = new FfmpegCommands(config.ffmpeg());
    }

    /** One frame; when the fast seek yields no picture (past the last keyframe), once more with an exact one. */
    public void snapshot(String videoId, MediaInput source, double seconds, int height, Path output) {
        runner.run(commands.snapshot(source, seconds, height, output, false).ownedBy(videoId).inBackground(), config.probeTimeout());
        if (isEmpty(output)) {
            runner.run(commands.snapshot(source, seconds, height, output, true).ownedBy(videoId).inBackground(),
                    config.transcodeTimeout(seconds));
        }
    }

    /** The poster; when the fast seek yields no picture, once more with an exact one. */
    public void poster(String videoId, MediaInput source, double seconds, int height, Path output) {
        runner.run(commands.poster(source, seconds, height, output, false).ownedBy(videoId).inBackground(), config.probeTimeout());
        if (isEmpty(output)) {
            runner.run(commands.poster(source, seconds, height, output, true).ownedBy(videoId).inBackground(),
                    config.transcodeTimeout(seconds));
        }
    }

    private static boolean isEmpty(Path output) {
        try {
            return !Files.exists(output) || Files.size(output) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void waveformPoster(String videoId, MediaInput source, int width, int height, Path output) {
        runner.run(commands.waveformPoster(source, width, height, output).ownedBy(videoId).inBackground(),
                config.transcodeTimeout(null));
    }

    public void storyboard(String videoId, MediaInput source, double interval, int tileWidth, int tileHeight, int columns,
                           int rows, Path output, Double sourceSeconds) {
        runner.run(commands.storyboard(source, interval, tileWidth, tileHeight, columns, rows, output).ownedBy(videoId).inBackground(),
                config.transcodeTimeout(sourceSeconds));
    }

    /** Encodes the whole ladder in one run; {@code processedSeconds} hears how far into the source it got. */
    public void ladder(String videoId, MediaInput source, LadderPlan plan, WatermarkOverlay watermark, Path outputDir,
                       Double sourceSeconds, DoubleConsumer processedSeconds) {
        runner.runWithProgress(commands.ladder(source, plan, watermark, outputDir).ownedBy(videoId).inBackground(),
                new RunLimits(config.transcodeTimeout(sourceSeconds), config.stallTimeout()), processedSeconds);
        LadderOutput.verify(outputDir, plan.rungs().size() + (plan.audio() ? 1 : 0));
    }

    public void download(String videoId, Path videoPlaylist, Path audioPlaylist, Path output, Double sourceSeconds) {
        runner.run(commands.download(videoPlaylist, audioPlaylist, output).ownedBy(videoId).inBackground(),
                config.transcodeTimeout(sourceSeconds));
    }

    /** Kills the ffmpeg runs working for a video, if any. */
    public void cancel(String videoId) {
        runner.destroyOwnedBy(videoId);
    }

    /** Runs {@code ffmpeg -version}; throws when the binary is missing or broken. */
    public String version() {
        String banner = runner.run(commands.version(), config.probeTimeout()).stdout();
        return banner.lines().findFirst().orElse("");
    }
}
