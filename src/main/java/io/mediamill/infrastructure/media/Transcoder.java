package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.video.RenditionProfile;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/** Runs the ffmpeg commands that turn a source into pictures and renditions, each under its time limit. */
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

    /** Snapshots one frame for a video; {@link #cancel} with the same id stops it. */
    public void snapshot(String videoId, Path source, double seconds, int height, Path output) {
        runner.run(commands.snapshot(source, seconds, height, output).ownedBy(videoId), config.probeTimeout());
    }

    /** Encodes one rendition for a video; {@link #cancel} with the same id stops it. */
    public void rendition(String videoId, Path source, RenditionProfile profile, Path output, Double sourceSeconds) {
        runner.run(commands.rendition(source, profile, output).ownedBy(videoId), config.transcodeTimeout(sourceSeconds));
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
