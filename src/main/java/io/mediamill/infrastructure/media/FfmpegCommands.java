package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.video.RenditionProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds ffmpeg invocations. Outputs are written to the path given (the caller's temporary name), with the
 * format named explicitly because that name does not end in the real extension.
 */
public final class FfmpegCommands {

    private final String ffmpeg;

    public FfmpegCommands(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** One JPEG frame at {@code seconds}, scaled to {@code height} lines keeping the aspect ratio. */
    public ExternalCommand snapshot(Path source, double seconds, int height, Path output) {
        return new ExternalCommand(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y",
                // Seeking before -i is fast (keyframe seek, then decode to the exact time).
                "-ss", formatSeconds(seconds), "-i", source.toString(),
                "-map", "0:v:0", "-frames:v", "1",
                "-vf", "scale=-2:" + height,
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1",
                output.toString()));
    }

    /**
     * A progressive H.264/AAC MP4 of one rung: capped CRF, yuv420p for every player, the moov atom up front
     * so playback starts before the download ends. The audio map is optional so silent sources work.
     */
    public ExternalCommand rendition(Path source, RenditionProfile profile, Path output) {
        List<String> argv = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y",
                "-i", source.toString(),
                "-map", "0:v:0", "-map", "0:a:0?",
                "-vf", "scale=-2:" + profile.height(),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", String.valueOf(profile.crf()),
                "-maxrate", profile.maxRateKbps() + "k", "-bufsize", profile.bufferKbps() + "k",
                "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", profile.audioKbps() + "k", "-ac", "2",
                "-movflags", "+faststart", "-f", "mp4",
                output.toString()));
        return new ExternalCommand(argv);
    }

    /** The version banner: proves the binary is there and runs. */
    public ExternalCommand version() {
        return new ExternalCommand(List.of(ffmpeg, "-version"));
    }

    static String formatSeconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, seconds));
    }
}
