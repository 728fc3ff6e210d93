package io.mediamill.infrastructure.media;

import java.util.ArrayList;
import java.util.List;

/** Builds ffprobe invocations. */
public final class FfprobeCommands {

    private final String ffprobe;

    public FfprobeCommands(String ffprobe) {
        this.ffprobe = ffprobe;
    }

    /**
     * Container and stream facts as JSON on stdout; errors only on stderr. A format that is not allowed is
     * refused right after probing, with {@code [<demuxer> @ 0x...] Format not on whitelist} on stderr.
     */
    public ExternalCommand probe(MediaInput source) {
        List<String> argv = new ArrayList<>(List.of(ffprobe, "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams"));
        argv.addAll(source.arguments());
        return new ExternalCommand(argv);
    }

    /** The version banner: proves the binary is there and runs. */
    public ExternalCommand version() {
        return new ExternalCommand(List.of(ffprobe, "-version"));
    }
}
