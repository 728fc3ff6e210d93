package io.mediamill.infrastructure.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.live.InputFacts;
import io.mediamill.domain.model.live.StreamSource;
import io.mediamill.infrastructure.config.MediamillConfig.LiveSettings;
import io.mediamill.infrastructure.media.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCommandsTest {

    private static final LiveSettings SETTINGS = new LiveSettings(5, 10, false, Duration.ofSeconds(5), Duration.ofSeconds(10),
            1, Duration.ofSeconds(1));
    private final LiveCommands commands = new LiveCommands("ffmpeg", "ffprobe", SETTINGS);
    private final Path folder = Path.of("/srv/media/live/door");

    @Test
    void rtspIsReadOverTcpWithASocketTimeoutAndItsOwnProtocolsOnly() {
        List<String> argv = commands.relay(StreamSource.source("rtsp://cam/s1"), null, new InputFacts("h264", "aac", 1920, 1080),
                false, folder, "live camera door").argv();
        assertTrue(Collections.indexOfSubList(argv, List.of("-rtsp_transport", "tcp", "-timeout", "5000000",
                "-protocol_whitelist", "rtsp,rtp,srtp,tcp,udp", "-use_wallclock_as_timestamps", "1", "-i", "rtsp://cam/s1")) > 0, argv.toString());
        assertFalse(argv.contains("-rw_timeout"), argv.toString());
    }

    @Test
    void otherSourcesGetAnIoTimeout() {
        List<String> argv = commands.probe(StreamSource.source("rtmp://srs/live/a"), "live camera a").argv();
        assertTrue(Collections.indexOfSubList(argv, List.of("-rw_timeout", "5000000", "-protocol_whitelist", "rtmp,tcp")) > 0, argv.toString());
        assertEquals("rtmp://srs/live/a", argv.get(argv.size() - 1));
    }

    @Test
    void h264IsCopiedIntoASlidingHlsWindow() {
        List<String> argv = commands.relay(StreamSource.source("rtsp://cam/s1"), null, new InputFacts("h264", "pcm_mulaw", 1280, 720),
                false, folder, "live camera door").argv();
        assertTrue(Collections.indexOfSubList(argv, List.of("-map", "0:a:0", "-c:a", "aac")) > 0, argv.toString());
        assertTrue(Collections.indexOfSubList(argv, List.of("-c:v", "copy")) > 0, argv.toString());
        assertTrue(Collections.indexOfSubList(argv, List.of("-f", "hls", "-hls_time", "1", "-hls_list_size", "6", "-hls_flags",
                "delete_segments+independent_segments+omit_endlist+temp_file", "-hls_start_number_source", "epoch",
                "/srv/media/live/door/index.m3u8")) > 0, argv.toString());
        assertTrue(Collections.indexOfSubList(argv, List.of("-progress", "pipe:1")) > 0, argv.toString());
    }

    @Test
    void otherCodecsAreEncodedToH264WithAKeyFrameEverySegmentAndNoAudioWhenThereIsNone() {
        List<String> argv = commands.relay(StreamSource.source("rtsp://cam/s1"), null, new InputFacts("hevc", null, 2560, 1440),
                true, folder, "live camera door").argv();
        assertTrue(Collections.indexOfSubList(argv, List.of("-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency")) > 0,
                argv.toString());
        assertTrue(Collections.indexOfSubList(argv, List.of("-force_key_frames", "expr:gte(t,n_forced*1)")) > 0, argv.toString());
        assertTrue(argv.contains("-an"), argv.toString());
    }

    @Test
    void aTargetIsFedThroughTheTeeMuxer() {
        List<String> argv = commands.relay(StreamSource.source("rtsp://cam/s1"), StreamSource.rtmpTarget("rtmp://srs/live/out"),
                new InputFacts("hevc", "aac", 1920, 1080), true, folder, "live camera door").argv();
        assertTrue(Collections.indexOfSubList(argv, List.of("-flags", "+global_header", "-f", "tee",
                "[f=hls:hls_time=1:hls_list_size=6:hls_flags=delete_segments+independent_segments+omit_endlist+temp_file"
                        + ":hls_start_number_source=epoch]/srv/media/live/door/index.m3u8|[f=flv:onfail=abort]rtmp://srs/live/out")) > 0,
                argv.toString());
    }

    @Test
    void theLogLineHidesCredentials() {
        ExternalCommand command = commands.relay(StreamSource.source("rtsp://admin:hunter22@cam/s1"),
                StreamSource.rtmpTarget("rtmp://srs/live/out?token=t0ps3cret"), new InputFacts("h264", null, 640, 360), false, folder, "x");
        String line = command.toString();
        assertFalse(line.contains("hunter22") || line.contains("t0ps3cret"), line);
        assertTrue(line.contains("rtsp://***@cam/s1"), line);
        assertTrue(command.argv().contains("rtsp://admin:hunter22@cam/s1"), "ffmpeg itself gets the real URL");
    }
}
