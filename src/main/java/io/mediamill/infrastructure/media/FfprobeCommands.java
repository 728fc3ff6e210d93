package io.mediamill.infrastructure.media;

import java.nio.file.Path;
import java.util.List;

/** Builds ffprobe invocations. */
public final class FfprobeCommands {

    private final String ffprobe;

    public FfprobeCommands(String ffprobe) {
        this.ffprobe = ffprobe;
    }

    /** Container and stream facts as JSON on stdout; errors only on stderr. */
    public ExternalCommand probe(Path source) {
        return new ExternalCommand(List.of(ffprobe, "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", source.toString()));
    }

    /** The version banner: proves the binary is there and runs. */
    public ExternalCommand version() {
        return new ExternalCommand(List.of(ffprobe, "-version"));
    }
}
