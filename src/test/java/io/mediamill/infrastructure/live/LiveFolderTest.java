package io.mediamill.infrastructure.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveFolderTest {

    @TempDir
    Path dir;

    @Test
    void theBitrateIsTheListedSegmentsBytesOverTheirDurations() throws IOException {
        Files.write(dir.resolve("index100.ts"), new byte[125_000]);
        Files.write(dir.resolve("index101.ts"), new byte[250_000]);
        Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:99\n"
                + "#EXTINF:1.000000,\nindex99.ts\n#EXTINF:1.000000,\nindex100.ts\n#EXTINF:2.000000,\nindex101.ts\n");
        // index99.ts has left the window already: it counts neither bytes nor seconds.
        assertEquals(1_000_000, LiveFolder.bitrate(dir));
    }

    @Test
    void nothingToMeasureIsZero() {
        assertEquals(0, LiveFolder.bitrate(dir));
    }

    @Test
    void emptyingKeepsTheFolderAndRemovingTakesIt() throws IOException {
        Path folder = dir.resolve("door");
        LiveFolder.empty(folder);
        Files.writeString(folder.resolve("index5.ts"), "x");
        LiveFolder.empty(folder);
        assertTrue(Files.isDirectory(folder));
        assertEquals(0, Files.list(folder).count());
        Files.writeString(folder.resolve("index.m3u8"), "x");
        LiveFolder.remove(folder);
        assertFalse(Files.exists(folder));
        LiveFolder.remove(folder);
    }
}
