package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void theListedExtensionsGetTheirTypes() {
        Map.of("master.m3u8", "application/vnd.apple.mpegurl",
                "manifest.mpd", "application/dash+xml",
                "seg-0-00001.m4s", "video/iso.segment",
                "download.mp4", "video/mp4",
                "audio.m4a", "audio/mp4",
                "storyboard.vtt", "text/vtt",
                "poster.jpg", "image/jpeg",
                "sprite.png", "image/png",
                "still.webp", "image/webp")
                .forEach((name, type) -> assertEquals(Optional.of(type), MediaTypes.of(name), name));
    }

    @Test
    void everythingElseIsNotServed() {
        for (String name : new String[] {"original", "watermark", "x.html", "x.htm", "x.svg", "x.js", "x.xml",
                "x.txt", "x.mp3", "x.MP4", "x.mp4.html", ".m3u8", "master.m3u8.", "m3u8", "source.webm", ""}) {
            assertTrue(MediaTypes.of(name).isEmpty(), name);
        }
    }
}
