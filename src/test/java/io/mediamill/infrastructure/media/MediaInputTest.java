package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaInputTest {

    @Test
    void inputOptionsComeBeforeTheInputInTheOrderFfmpegTakesThem() {
        assertEquals(List.of("-protocol_whitelist", "file", "-format_whitelist", "png_pipe", "-f", "png_pipe",
                "-i", "/m/watermark.png"), new MediaInput(Path.of("/m/watermark.png"), "png_pipe", List.of("png_pipe")).arguments());
        assertEquals(List.of("-protocol_whitelist", "file", "-format_whitelist", "mov,mp3", "-i", "/m/x"),
                new MediaInput(Path.of("/m/x"), null, List.of("mov", "mp3")).arguments());
    }

    @Test
    void aDemuxerWithSeveralNamesIsAllowedByAnyOfThem() {
        MediaInput input = new MediaInput(Path.of("/m/x"), null, List.of("mov", "matroska"));

        assertTrue(input.allows("mov,mp4,m4a,3gp,3g2,mj2"));
        assertTrue(input.allows("matroska,webm"));
        assertFalse(input.allows("hls"));
        assertFalse(input.allows("concat"));
    }

    @Test
    void anInputWithoutAllowedDemuxersCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new MediaInput(Path.of("/m/x"), null, List.of()));
    }
}
