package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.media.MediaInput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedFormatsTest {

    @Test
    void everythingTheServiceTakesIsAllowedAndNothingThatReadsOtherFiles() {
        MediaInput upload = AcceptedFormats.upload(Path.of("/m/incoming/x.upload"));

        for (String probed : List.of("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", "mpegts", "mpeg", "flv", "asf",
                "mp3", "aac", "wav", "ogg", "flac")) {
            assertTrue(upload.allows(probed), probed);
        }
        for (String refused : List.of("hls", "dash", "concat", "sdp", "rtp", "rtsp", "imf", "webm_dash_manifest", "image2",
                "image2pipe", "png_pipe", "jpeg_pipe", "gif", "lavfi", "tty", "data")) {
            assertFalse(upload.allows(refused), refused);
        }
        assertNull(upload.format(), "an upload is probed");
    }

    @Test
    void aProbedSourceIsReadWithTheFirstNameOfItsDemuxer() {
        assertEquals("mov", AcceptedFormats.source(Path.of("/m/s.mp4"), "mov,mp4,m4a,3gp,3g2,mj2").format());
        assertEquals("matroska", AcceptedFormats.source(Path.of("/m/s.webm"), "matroska,webm").format());
        assertEquals("mp3", AcceptedFormats.source(Path.of("/m/s.mp3"), "mp3").format());
        assertNull(AcceptedFormats.source(Path.of("/m/s.mp4"), null).format(), "not recorded: probed within the list");
        assertEquals(AcceptedFormats.DEMUXERS, AcceptedFormats.source(Path.of("/m/s.mp4"), "mov").allowedFormats());
    }

    @Test
    void theWatermarkIsReadAsAPngAndNothingElse() {
        MediaInput watermark = AcceptedFormats.watermark(Path.of("/m/watermark.png"));

        assertEquals("png_pipe", watermark.format());
        assertEquals(List.of("png_pipe"), watermark.allowedFormats());
    }

    @Test
    void refusalsSayWhatTheFileIs() {
        assertEquals("is an HLS playlist, which refers to other files; upload the media itself",
                AcceptedFormats.refusal("hls"));
        assertEquals("is a DASH manifest, which refers to other files; upload the media itself",
                AcceptedFormats.refusal("dash"));
        assertEquals("is a concat list, which refers to other files; upload the media itself",
                AcceptedFormats.refusal("concat"));
        assertEquals("is an SDP session description, which refers to network streams; upload the media itself",
                AcceptedFormats.refusal("sdp"));
        assertEquals("is a still image (PNG), not a video", AcceptedFormats.refusal("png_pipe"));
        assertEquals("is a still image (JPEG), not a video", AcceptedFormats.refusal("jpeg_pipe"));
        assertEquals("is a still image (WebP), not a video", AcceptedFormats.refusal("webp_pipe"));
        assertEquals("is a still image (PNG), not a video", AcceptedFormats.refusal("apng"));
        assertEquals("is a still image, not a video", AcceptedFormats.refusal("image2"));
        assertEquals("is an image (GIF), not a video; animated GIFs are not taken either", AcceptedFormats.refusal("gif"));
        assertEquals("is in a format the service does not take (yuv4mpegpipe); it takes " + AcceptedFormats.DESCRIPTION,
                AcceptedFormats.refusal("yuv4mpegpipe"));
    }
}
