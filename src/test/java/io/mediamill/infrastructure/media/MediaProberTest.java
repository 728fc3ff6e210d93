package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.config.MediamillConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prober's decisions, with ffprobe's recorded answers played by a stand-in runner. */
class MediaProberTest {

    private static final List<String> ALLOWED = List.of("mov", "matroska");

    @TempDir
    Path dir;

    private final List<ExternalCommand> ran = new ArrayList<>();

    @Test
    void aManifestIsRefusedByItsFirstBytesWithoutRunningFfprobe() throws IOException {
        Path upload = Files.writeString(dir.resolve("x.upload"), "#EXTM3U\n#EXTINF:1.0,\n/srv/media/other.mp4\n");

        RefusedFormatException refused = assertThrows(RefusedFormatException.class,
                () -> prober(null).probe(new MediaInput(upload, null, ALLOWED)));

        assertEquals("hls", refused.format());
        assertEquals(List.of(), ran, "nothing ran, nothing the playlist names was opened");
    }

    @Test
    void aFormatFfprobeRefusesIsNamedByTheDemuxerItProbed() throws IOException {
        Path upload = Files.write(dir.resolve("x.upload"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
        String stderr = "[png_pipe @ 0x5597074a0240] Format not on whitelist 'mov,matroska'\n" + upload + ": Invalid argument\n";

        RefusedFormatException refused = assertThrows(RefusedFormatException.class,
                () -> prober(stderr).probe(new MediaInput(upload, null, ALLOWED)));

        assertEquals("png_pipe", refused.format());
        assertTrue(ran.get(0).argv().containsAll(List.of("-protocol_whitelist", "file", "-format_whitelist", "mov,matroska")));
    }

    @Test
    void aDemuxerWithSeveralNamesIsNamedWhole() {
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", MediaProber.refusedFormat(
                "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55ed22ce4980] Format not on whitelist 'hls'").orElseThrow());
        assertFalse(MediaProber.refusedFormat("x.upload: Invalid data found when processing input").isPresent());
    }

    @Test
    void otherFailuresKeepFfprobesWords() throws IOException {
        Path upload = Files.write(dir.resolve("x.upload"), new byte[] {0, 1, 2, 3});

        UnreadableMediaException unreadable = assertThrows(UnreadableMediaException.class,
                () -> prober(upload + ": Invalid data found when processing input\n").probe(new MediaInput(upload, null, ALLOWED)));

        assertFalse(unreadable instanceof RefusedFormatException);
        assertEquals("not a media file ffprobe can read (" + upload + ": Invalid data found when processing input)",
                unreadable.getMessage());
        assertInstanceOf(ExternalProcessException.class, unreadable.getCause());
    }

    /** A prober whose ffprobe fails with this stderr (or is never expected to run when null). */
    private MediaProber prober(String stderr) {
        return new MediaProber(new ProcessRunner() {
            @Override
            public ProcessResult run(ExternalCommand command, Duration timeout) {
                ran.add(command);
                throw new ExternalProcessException("ffprobe exited with 1", stderr, null);
            }

            @Override
            public void runWithProgress(ExternalCommand command, RunLimits limits, DoubleConsumer processedSeconds) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int destroyOwnedBy(String owner) {
                return 0;
            }

            @Override
            public int runningCount() {
                return 0;
            }
        }, new MediamillConfig());
    }
}
