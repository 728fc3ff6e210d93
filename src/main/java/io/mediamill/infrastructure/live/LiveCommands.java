package io.mediamill.infrastructure.live;

import io.mediamill.domain.model.live.InputFacts;
import io.mediamill.domain.model.live.StreamSource;
import io.mediamill.infrastructure.config.MediamillConfig.LiveSettings;
import io.mediamill.infrastructure.media.ExternalCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the probe of a camera and its relay. Every input gets an I/O timeout (RTSP's {@code -timeout}, the
 * others' {@code -rw_timeout}), so a source that goes quiet ends the run instead of hanging it, and a protocol
 * whitelist for its scheme, so that nothing the source sends (an HLS playlist naming {@code file:} segments, say)
 * makes ffmpeg read local files. Timestamps are the wall clock's when packets arrive: cameras' own start unset
 * over RTSP until the first sender report, wrap and jump at reconnects, and the HLS segmenter needs them steady.
 */
final class LiveCommands {

    static final String PLAYLIST = "index.m3u8";
    /** Segments in the playlist: a sliding window of this many, older ones deleted. */
    static final int WINDOW = 6;

    /** The protocols each scheme may use underneath; whatever a source's data points to must be among them. */
    private static final Map<String, String> PROTOCOLS = Map.of(
            "rtsp", "rtsp,rtp,srtp,tcp,udp",
            "rtsps", "rtsps,rtsp,rtp,srtp,tcp,udp,tls",
            "rtmp", "rtmp,tcp",
            "rtmps", "rtmps,rtmp,tcp,tls",
            "srt", "srt,udp",
            "udp", "udp,rtp",
            "http", "http,https,tcp,tls,crypto",
            "https", "http,https,tcp,tls,crypto");
    /** How much of the source the probe reads: enough for the codecs and picture size, little enough to start fast. */
    private static final String PROBE_MICROSECONDS = "2000000";

    private final String ffmpeg;
    private final String ffprobe;
    private final LiveSettings settings;

    LiveCommands(String ffmpeg, String ffprobe, LiveSettings settings) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.settings = settings;
    }

    /** The source's streams as ffprobe JSON. */
    ExternalCommand probe(StreamSource source, String owner) {
        List<String> argv = new ArrayList<>(List.of(ffprobe, "-hide_banner", "-v", "error"));
        argv.addAll(input(source));
        argv.addAll(List.of("-analyzeduration", PROBE_MICROSECONDS, "-print_format", "json", "-show_format",
                "-show_streams", source.url()));
        return new ExternalCommand(argv, owner, secretsOf(source, null));
    }

    /**
     * The relay: the video copied, or ({@code transcode}) encoded to H.264 with a key frame every segment; audio to AAC, or
     * none when the camera has none; HLS into {@code folder} and, with a target, FLV pushed there through the tee
     * muxer (one encode for both). Sequence numbers start at the epoch second, so a restarted relay's playlist
     * continues forward and players carry on.
     */
    ExternalCommand relay(StreamSource source, StreamSource rtmpTarget, InputFacts input, boolean transcode, Path folder,
                          String owner) {
        List<String> argv = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "warning"));
        argv.addAll(input(source));
        argv.addAll(List.of("-use_wallclock_as_timestamps", "1", "-i", source.url(), "-map", "0:v:0"));
        if (input.hasAudio()) {
            argv.addAll(List.of("-map", "0:a:0", "-c:a", "aac", "-b:a", "128k", "-ac", "2"));
        } else {
            argv.add("-an");
        }
        if (!transcode) {
            argv.addAll(List.of("-c:v", "copy"));
        } else {
            argv.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-crf", "23",
                    "-maxrate", "6M", "-bufsize", "12M", "-pix_fmt", "yuv420p", "-sc_threshold", "0",
                    "-force_key_frames", "expr:gte(t,n_forced*" + settings.segmentSeconds() + ")"));
        }
        String hls = "hls_time=" + settings.segmentSeconds() + ":hls_list_size=" + WINDOW
                + ":hls_flags=delete_segments+independent_segments+omit_endlist+temp_file"
                + ":hls_start_number_source=epoch";
        Path playlist = folder.resolve(PLAYLIST);
        if (rtmpTarget == null) {
            argv.addAll(List.of("-f", "hls"));
            for (String option : hls.split(":")) {
                String[] pair = option.split("=", 2);
                argv.addAll(List.of("-" + pair[0], pair[1]));
            }
            argv.add(playlist.toString());
        } else {
            // FLV wants the codec headers up front, which an encoder gives only when asked.
            if (transcode) {
                argv.addAll(List.of("-flags", "+global_header"));
            }
            argv.addAll(List.of("-f", "tee", "[f=hls:" + hls + "]" + escaped(playlist.toString())
                    + "|[f=flv:onfail=abort]" + rtmpTarget.url()));
        }
        argv.addAll(List.of("-progress", "pipe:1", "-nostats"));
        return new ExternalCommand(argv, owner, secretsOf(source, rtmpTarget));
    }

    private List<String> input(StreamSource source) {
        String microseconds = String.valueOf(settings.ioTimeout().toNanos() / 1000);
        List<String> options = new ArrayList<>();
        if (source.isRtsp()) {
            options.addAll(List.of("-rtsp_transport", "tcp", "-timeout", microseconds));
        } else {
            options.addAll(List.of("-rw_timeout", microseconds));
        }
        options.addAll(List.of("-protocol_whitelist", PROTOCOLS.get(source.scheme())));
        return options;
    }

    /** The tee muxer splits on these; a path holding one is escaped. */
    private static String escaped(String path) {
        return path.replace("\\", "\\\\").replace("|", "\\|").replace("[", "\\[").replace("]", "\\]");
    }

    private static List<String> secretsOf(StreamSource source, StreamSource target) {
        List<String> secrets = new ArrayList<>(source.credentials());
        if (target != null) {
            secrets.addAll(target.credentials());
        }
        return secrets;
    }
}
