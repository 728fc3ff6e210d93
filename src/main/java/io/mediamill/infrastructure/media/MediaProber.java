package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/** Asks ffprobe what a file contains. */
@ApplicationScoped
public class MediaProber {

    private final FfprobeJsonParser parser = new FfprobeJsonParser();
    private ProcessRunner runner;
    private MediamillConfig config;
    private FfprobeCommands commands;

    protected MediaProber() {
        // for CDI proxies
    }

    @Inject
    public MediaProber(ProcessRunner runner, MediamillConfig config) {
        this.runner = runner;
        this.config = config;
        this.commands = new FfprobeCommands(config.ffprobe());
    }

    /**
     * @throws UnreadableMediaException when ffprobe cannot read the file as media
     */
    public MediaInfo probe(Path file) {
        ProcessResult result;
        try {
            result = runner.run(commands.probe(file), config.probeTimeout());
        } catch (ExternalProcessException e) {
            String reason = e.stderrTail() == null || e.stderrTail().isBlank() ? e.getMessage() : e.stderrTail();
            throw new UnreadableMediaException("not a media file ffprobe can read (" + reason + ")", e);
        }
        return parser.parse(result.stdout());
    }

    /** Runs {@code ffprobe -version}; throws when the binary is missing or broken. */
    public String version() {
        String banner = runner.run(commands.version(), config.probeTimeout()).stdout();
        return banner.lines().findFirst().orElse("");
    }
}
