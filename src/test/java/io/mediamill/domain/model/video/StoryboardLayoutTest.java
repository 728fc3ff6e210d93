package io.mediamill.domain.model.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoryboardLayoutTest {

    @Test
    void shortVideoGetsOneTilePerSecond() {
        StoryboardLayout layout = StoryboardLayout.forVideo(9.0, 1280, 720);

        assertEquals(1.0, layout.intervalSeconds());
        assertEquals(9, layout.tiles());
        assertEquals(9, layout.columns());
        assertEquals(1, layout.rows());
        assertEquals(160, layout.tileWidth());
        assertEquals(90, layout.tileHeight());
    }

    @Test
    void longVideoIsCappedAtAHundredTilesInTenColumns() {
        StoryboardLayout layout = StoryboardLayout.forVideo(3600, 1920, 1080);

        assertEquals(36.0, layout.intervalSeconds());
        assertEquals(100, layout.tiles());
        assertEquals(10, layout.columns());
        assertEquals(10, layout.rows());
    }

    @Test
    void portraitTilesAreTall() {
        assertEquals(284, StoryboardLayout.forVideo(10, 1080, 1920).tileHeight());
    }

    @Test
    void trackMapsEveryStretchToItsTile() {
        String vtt = StoryboardLayout.forVideo(12.5, 640, 360).webVtt("sprite.jpg");

        assertTrue(vtt.startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nsprite.jpg#xywh=0,0,160,90\n"), vtt);
        assertTrue(vtt.contains("00:00:10.000 --> 00:00:11.000\nsprite.jpg#xywh=0,90,160,90\n"), vtt);
        assertTrue(vtt.endsWith("00:00:12.000 --> 00:00:12.500\nsprite.jpg#xywh=320,90,160,90\n"), vtt);
    }
}
