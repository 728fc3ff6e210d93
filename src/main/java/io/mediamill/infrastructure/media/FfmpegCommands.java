package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.video.LadderPlan;
import io.mediamill.domain.model.video.RenditionProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Builds ffmpeg invocations. Every input is read the way its {@link MediaInput} allows (only local files,
 * only the named demuxers). Outputs are written to the path given (the caller's temporary name), with the
 * format named explicitly because that name does not end in the real extension. ffmpeg logs warnings and
 * errors only, so the stderr tail kept for a failure is the part that says why.
 */
public final class FfmpegCommands {

    private final String ffmpeg;

    public FfmpegCommands(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** What every run starts with: quiet but for warnings, never reading stdin, overwriting its output. */
    private List<String> head() {
        return new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "warning", "-nostdin", "-y"));
    }

    /**
     * One JPEG frame at {@code seconds}, scaled to {@code height} lines keeping the aspect ratio. A fast seek
     * (before the input) jumps by keyframes; an exact one (after it) decodes from the start: the way out for
     * containers such as MPEG-TS whose fast seek can land past the last keyframe.
     */
    public ExternalCommand snapshot(MediaInput source, double seconds, int height, Path output, boolean exactSeek) {
        List<String> argv = head();
        argv.addAll(seek(source, seconds, exactSeek));
        argv.addAll(List.of("-map", "0:v:0", "-frames:v", "1", "-vf", "scale=-2:" + height,
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1", output.toString()));
        return new ExternalCommand(argv);
    }

    private static List<String> seek(MediaInput source, double seconds, boolean exact) {
        List<String> argv = new ArrayList<>();
        if (!exact) {
            argv.addAll(List.of("-ss", formatSeconds(seconds)));
        }
        argv.addAll(source.arguments());
        if (exact) {
            argv.addAll(List.of("-ss", formatSeconds(seconds)));
        }
        return argv;
    }

    /** Segment length of the adaptive stream; keyframes every {@value #KEYFRAME_SECONDS} s align every rung on it. */
    static final int SEGMENT_SECONDS = 4;
    static final int KEYFRAME_SECONDS = 2;

    /**
     * The whole ladder in one run that decodes the source once: the picture (with the watermark burnt in)
     * is split into one scaled output per encoded rung; a fast-path rung is the source's own stream, copied.
     * Every rung and the audio go into one DASH output whose CMAF segments the HLS playlists share.
     * Progress is reported on stdout.
     */
    public ExternalCommand ladder(MediaInput source, LadderPlan plan, WatermarkOverlay watermark, Path outputDir) {
        List<String> argv = head();
        argv.addAll(List.of("-progress", "pipe:1", "-nostats"));
        argv.addAll(source.arguments());
        if (watermark != null) {
            argv.addAll(watermark.image().arguments());
        }
        List<LadderPlan.Rung> encoded = plan.encodedRungs();
        if (!encoded.isEmpty()) {
            argv.addAll(List.of("-filter_complex", ladderFilter(encoded, watermark)));
        }
        int encodedIndex = 0;
        for (LadderPlan.Rung rung : plan.rungs()) {
            argv.addAll(List.of("-map", rung.copy() ? "0:v:0" : "[v" + encodedIndex++ + "]"));
        }
        if (plan.audio()) {
            argv.addAll(List.of("-map", "0:a:0"));
        }
        for (int i = 0; i < plan.rungs().size(); i++) {
            argv.addAll(videoCodecOptions(i, plan.rungs().get(i)));
        }
        if (plan.audio()) {
            RenditionProfile audioProfile = plan.hasVideo() ? plan.rungs().get(0).profile() : null;
            int audioKbps = audioProfile == null ? 128 : audioProfile.audioKbps();
            argv.addAll(List.of("-c:a", "aac", "-b:a", audioKbps + "k", "-ac", "2"));
        }
        argv.addAll(List.of("-f", "dash", "-seg_duration", String.valueOf(SEGMENT_SECONDS),
                "-use_template", "1", "-use_timeline", "1", "-hls_playlist", "1",
                "-adaptation_sets", adaptationSets(plan),
                "-init_seg_name", StreamLayout.INIT_SEGMENT, "-media_seg_name", StreamLayout.MEDIA_SEGMENT,
                outputDir.resolve(StreamLayout.MANIFEST).toString()));
        return new ExternalCommand(argv);
    }

    private static String ladderFilter(List<LadderPlan.Rung> encoded, WatermarkOverlay watermark) {
        StringBuilder graph = new StringBuilder();
        if (watermark != null) {
            graph.append("[1:v]format=rgba,colorchannelmixer=aa=").append(decimal(watermark.opacity())).append("[wm];")
                    .append("[0:v][wm]overlay=").append(watermark.position()).append(",");
        } else {
            graph.append("[0:v]");
        }
        graph.append("format=yuv420p");
        if (encoded.size() == 1) {
            return graph.append(",").append(scale(encoded.get(0))).append("[v0]").toString();
        }
        graph.append(",split=").append(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            graph.append("[s").append(i).append("]");
        }
        for (int i = 0; i < encoded.size(); i++) {
            graph.append(";[s").append(i).append("]").append(scale(encoded.get(i))).append("[v").append(i).append("]");
        }
        return graph.toString();
    }

    private static String scale(LadderPlan.Rung rung) {
        // No setsar: the DASH muxer wants one display aspect ratio per adaptation set, which the scaler's
        // adjusted sample aspect ratio keeps when an even width cannot.
        return "scale=-2:" + rung.profile().height();
    }

    /** Capped CRF per rung; keyframes on a fixed 2 s grid with scene-cut keyframes off, so segments align. */
    private static List<String> videoCodecOptions(int stream, LadderPlan.Rung rung) {
        String v = ":v:" + stream;
        if (rung.copy()) {
            return List.of("-c" + v, "copy");
        }
        RenditionProfile profile = rung.profile();
        return List.of("-c" + v, "libx264", "-preset" + v, "veryfast", "-crf" + v, String.valueOf(profile.crf()),
                "-maxrate" + v, profile.maxRateKbps() + "k", "-bufsize" + v, profile.bufferKbps() + "k",
                "-sc_threshold" + v, "0", "-force_key_frames" + v, "expr:gte(t,n_forced*" + KEYFRAME_SECONDS + ")");
    }

    private static String adaptationSets(LadderPlan plan) {
        StringJoiner sets = new StringJoiner(" ");
        if (plan.hasVideo()) {
            sets.add("id=0,streams=v");
        }
        if (plan.audio()) {
            sets.add("id=" + (plan.hasVideo() ? 1 : 0) + ",streams=a");
        }
        return sets.toString();
    }

    /**
     * Our own stream, as the ladder wrote it: HLS media playlists over fMP4 segments. The HLS demuxer hands
     * its whitelists on to the demuxer of each segment, so both are named.
     */
    static final List<String> OWN_STREAM_FORMATS = List.of("hls", "mov");

    /**
     * The progressive download, remuxed from the stream without re-encoding: the top rung's video (if any)
     * with the audio (if any), the moov atom up front. The playlists are ours, yet they are read as what they
     * are and from local files only.
     */
    public ExternalCommand download(Path videoPlaylist, Path audioPlaylist, Path output) {
        List<String> argv = head();
        List<String> maps = new ArrayList<>();
        int input = 0;
        if (videoPlaylist != null) {
            argv.addAll(ownStream(videoPlaylist).arguments());
            maps.addAll(List.of("-map", input++ + ":v:0"));
        }
        if (audioPlaylist != null) {
            argv.addAll(ownStream(audioPlaylist).arguments());
            maps.addAll(List.of("-map", input + ":a:0"));
        }
        argv.addAll(maps);
        argv.addAll(List.of("-c", "copy", "-movflags", "+faststart", "-f", "mp4", output.toString()));
        return new ExternalCommand(argv);
    }

    private static MediaInput ownStream(Path playlist) {
        return new MediaInput(playlist, "hls", OWN_STREAM_FORMATS);
    }

    /**
     * The poster: ffmpeg's thumbnail filter picks the most representative of the frames in a window
     * (50 frames) starting at {@code seconds}, so a fade or a black frame is not the face of the video.
     */
    public ExternalCommand poster(MediaInput source, double seconds, int height, Path output, boolean exactSeek) {
        List<String> argv = head();
        argv.addAll(seek(source, seconds, exactSeek));
        argv.addAll(List.of("-map", "0:v:0", "-vf", "thumbnail=n=50,scale=-2:" + height, "-frames:v", "1",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1", output.toString()));
        return new ExternalCommand(argv);
    }

    /** A poster for sound without pictures: the waveform of the first audio stream. */
    public ExternalCommand waveformPoster(MediaInput source, int width, int height, Path output) {
        List<String> argv = head();
        argv.addAll(source.arguments());
        argv.addAll(List.of("-filter_complex", "[0:a:0]showwavespic=s=" + width + "x" + height + ":colors=0x3b82f6[p]",
                "-map", "[p]", "-frames:v", "1",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1", output.toString()));
        return new ExternalCommand(argv);
    }

    /** The storyboard sprite: one frame every {@code intervalSeconds}, scaled to a tile, laid out in a grid. */
    public ExternalCommand storyboard(MediaInput source, double intervalSeconds, int tileWidth, int tileHeight,
                                      int columns, int rows, Path output) {
        List<String> argv = head();
        argv.addAll(source.arguments());
        argv.addAll(List.of("-map", "0:v:0",
                "-vf", "fps=" + decimal(1 / intervalSeconds) + ",scale=" + tileWidth + ":" + tileHeight + ",tile="
                        + columns + "x" + rows,
                "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "4", "-f", "image2", "-update", "1", output.toString()));
        return new ExternalCommand(argv);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** The version banner: proves the binary is there and runs. */
    public ExternalCommand version() {
        return new ExternalCommand(List.of(ffmpeg, "-version"));
    }

    static String formatSeconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, seconds));
    }
}
