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

    /**
     * A still image: its first picture decoded (so a body that does not decode shows as no frame), its size
     * and the EXIF orientation the decoder exposes as a frame tag.
     */
    public ExternalCommand image(MediaInput image) {
        List<String> argv = new ArrayList<>(List.of(ffprobe, "-v", "error", "-print_format", "json",
                "-show_entries", "format=format_name:frame=width,height:frame_tags=Orientation",
                "-select_streams", "v:0", "-read_intervals", "%+#1"));
        argv.addAll(image.arguments());
        return new ExternalCommand(argv);
    }

    /** The version banner: proves the binary is there and runs. */
    public ExternalCommand version() {
        return new ExternalCommand(List.of(ffprobe, "-version"));
    }
}
