package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.video.MediaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fixtures are real ffprobe output for files generated with ffmpeg's lavfi sources. */
class FfprobeJsonParserTest {

    private final FfprobeJsonParser parser = new FfprobeJsonParser();

    @Test
    void readsContainerDurationAndBothStreams() throws IOException {
        MediaInfo info = parser.parse(fixture("h264-aac-640x360.json"));

        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", info.container());
        assertEquals(2.0, info.durationSeconds(), 0.05);
        assertTrue(info.bitRate() > 0);
        assertEquals("h264", info.video().codec());
        assertEquals(640, info.video().width());
        assertEquals(360, info.video().height());
        assertEquals("yuv420p", info.video().pixelFormat());
        assertEquals(25.0, info.video().frameRate(), 0.01);
        assertEquals(0, info.video().rotation());
        assertEquals("aac", info.audio().codec());
        assertEquals(1, info.audio().channels());
        assertEquals(48000, info.audio().sampleRate());
    }

    @Test
    void rotationFromTheDisplayMatrixSwapsTheDisplayedSize() throws IOException {
        MediaInfo info = parser.parse(fixture("rotated-90.json"));

        assertEquals(90, info.video().rotation());
        assertEquals(640, info.video().width());
        assertEquals(360, info.video().displayWidth());
        assertEquals(640, info.video().displayHeight());
    }

    @Test
    void audioOnlyFileHasNoVideo() throws IOException {
        MediaInfo info = parser.parse(fixture("audio-only-mp3.json"));

        assertFalse(info.hasVideo());
        assertEquals("mp3", info.audio().codec());
    }

    @Test
    void silentWebmHasNoAudio() throws IOException {
        MediaInfo info = parser.parse(fixture("vp9-webm-no-audio.json"));

        assertEquals("vp9", info.video().codec());
        assertEquals(320, info.video().displayWidth());
        assertFalse(info.hasAudio());
        assertEquals(1.0, info.durationSeconds(), 0.05);
    }

    @Test
    void coverArtIsNotVideoAndMissingValuesAreNull() {
        String json = """
                {"streams": [
                  {"codec_type": "video", "codec_name": "mjpeg", "width": 500, "height": 500,
                   "disposition": {"attached_pic": 1}},
                  {"codec_type": "audio", "codec_name": "flac", "channels": 2, "sample_rate": "44100"}],
                 "format": {"format_name": "flac", "duration": "N/A"}}
                """;

        MediaInfo info = parser.parse(json);

        assertFalse(info.hasVideo());
        assertEquals("flac", info.audio().codec());
        assertNull(info.durationSeconds());
        assertNull(info.bitRate());
    }

    @Test
    void olderRotateTagIsUnderstood() {
        String json = """
                {"streams": [{"codec_type": "video", "codec_name": "h264", "width": 1920, "height": 1080,
                  "tags": {"rotate": "-90"}}], "format": {}}
                """;

        assertEquals(270, parser.parse(json).video().rotation());
        assertEquals(1080, parser.parse(json).video().displayWidth());
    }

    @Test
    void notJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> parser.parse("Invalid data found"));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = FfprobeJsonParserTest.class.getResourceAsStream("/ffprobe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
