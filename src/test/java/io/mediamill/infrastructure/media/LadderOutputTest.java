package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ladder folder as ffmpeg's DASH muxer writes it: two streams of two 4 s segments each. */
class LadderOutputTest {

    @TempDir
    Path folder;

    @BeforeEach
    void wholeLadder() throws IOException {
        Files.writeString(folder.resolve("master.m3u8"), "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nmedia_0.m3u8\n");
        Files.writeString(folder.resolve("manifest.mpd"), "<MPD><Period></Period>\n</MPD>\n");
        for (int stream = 0; stream < 2; stream++) {
            Files.write(folder.resolve("init-" + stream + ".m4s"), new byte[100]);
            StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-MAP:URI=\"init-" + stream + ".m4s\"\n");
            for (int segment = 1; segment <= 2; segment++) {
                String name = String.format("seg-%d-%05d.m4s", stream, segment);
                Files.write(folder.resolve(name), new byte[1000]);
                playlist.append("#EXTINF:4.000000,\n#EXT-X-PROGRAM-DATE-TIME:2026-11-23T05:48:28.000+0000\n").append(name).append('\n');
            }
            Files.writeString(folder.resolve("media_" + stream + ".m3u8"), playlist.append("#EXT-X-ENDLIST\n"));
        }
    }

    @Test
    void aWholeLadderPasses() {
        assertDoesNotThrow(() -> LadderOutput.verify(folder, 2));
    }

    @Test
    void anEmptyPlaylistAsAFullDiskLeavesItIsNamed() throws IOException {
        Files.writeString(folder.resolve("media_1.m3u8"), "");

        assertProblem("media_1.m3u8 is cut short (0 bytes, no #EXT-X-ENDLIST)");
    }

    @Test
    void aMissingOrEmptySegmentIsNamed() throws IOException {
        Files.write(folder.resolve("seg-0-00002.m4s"), new byte[0]);
        assertProblem("media_0.m3u8 names seg-0-00002.m4s, which is empty");

        Files.delete(folder.resolve("init-0.m4s"));
        assertProblem("media_0.m3u8 names init-0.m4s, which is missing");
    }

    @Test
    void aPlaylistTheRunNeverWroteIsNamed() throws IOException {
        Files.delete(folder.resolve("media_1.m3u8"));

        assertProblem("media_1.m3u8 is missing");
    }

    @Test
    void cutManifestsAreNamed() throws IOException {
        Files.writeString(folder.resolve("manifest.mpd"), "<MPD><Period>");
        assertProblem("manifest.mpd is cut short");

        Files.delete(folder.resolve("master.m3u8"));
        assertProblem("master.m3u8 is missing");
    }

    private void assertProblem(String words) {
        LadderOutput.IncompleteOutputException failure = assertThrows(LadderOutput.IncompleteOutputException.class,
                () -> LadderOutput.verify(folder, 2));
        assertTrue(failure.getMessage().startsWith("ffmpeg exited normally but its output is incomplete: " + words),
                failure.getMessage());
    }
}
