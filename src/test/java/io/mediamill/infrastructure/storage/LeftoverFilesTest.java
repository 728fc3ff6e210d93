package io.mediamill.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up sweep of the media volume, on files whose last write is set explicitly. */
class LeftoverFilesTest {

    private static final String ID = "ab12cd34-0000-0000-0000-000000000000";
    private static final String UPLOAD_ID = "0f0e0d0c-0000-0000-0000-000000000000";
    private static final Duration PART_MAX_AGE = Duration.ofMinutes(1);
    private static final Duration UPLOAD_MAX_AGE = Duration.ofHours(6);

    @TempDir
    Path root;

    private MediaStorage storage;
    private final Instant now = Instant.now();

    @BeforeEach
    void volume() {
        storage = new MediaStorage(root);
    }

    @Test
    void anAbandonedTemporaryOutputIsRemovedAndOneStillBeingWrittenIsKept() throws IOException {
        Path abandoned = file(storage.videoDir(ID).resolve(".download.mp4.part"), 1000, now.minus(Duration.ofMinutes(5)));
        Path live = file(storage.videoDir(ID).resolve(".poster.jpg.part"), 10, now.minusSeconds(5));
        Path abandonedSnapshot = file(storage.snapshot(ID, 2).resolveSibling(".2.jpg.part"), 20, now.minus(Duration.ofHours(1)));

        RemovedLeftovers removed = storage.removeLeftovers(PART_MAX_AGE, UPLOAD_MAX_AGE);

        assertEquals(new RemovedLeftovers(2, 0, 1020), removed);
        assertFalse(Files.exists(abandoned));
        assertFalse(Files.exists(abandonedSnapshot), "inside an output folder too");
        assertTrue(Files.exists(live));
    }

    @Test
    void aTemporaryFolderIsJudgedByItsNewestWrite() throws IOException {
        Path abandoned = storage.videoDir(ID).resolve(".stream.part");
        file(abandoned.resolve("seg-0-00001.m4s"), 300, now.minus(Duration.ofMinutes(10)));
        file(abandoned.resolve("seg-0-00002.m4s"), 200, now.minus(Duration.ofMinutes(9)));
        setWritten(abandoned, now.minus(Duration.ofMinutes(9)));
        String other = "cd34ab12-0000-0000-0000-000000000000";
        Path live = storage.videoDir(other).resolve(".stream.part");
        file(live.resolve("seg-0-00001.m4s"), 300, now.minus(Duration.ofMinutes(10)));
        file(live.resolve("seg-0-00002.m4s"), 300, now.minusSeconds(2));
        setWritten(live, now.minus(Duration.ofMinutes(10)));

        RemovedLeftovers removed = storage.removeLeftovers(PART_MAX_AGE, UPLOAD_MAX_AGE);

        assertEquals(new RemovedLeftovers(1, 0, 500), removed);
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(live.resolve("seg-0-00001.m4s")), "ffmpeg still writes there: the whole folder stays");
    }

    @Test
    void anOldMultipartUploadIsRemovedAndAFreshOneKept() throws IOException {
        Path old = file(storage.newIncomingFile(), 4000, now.minus(Duration.ofHours(7)));
        Path fresh = file(storage.newIncomingFile(), 50, now.minus(Duration.ofHours(5)));

        RemovedLeftovers removed = storage.removeLeftovers(PART_MAX_AGE, UPLOAD_MAX_AGE);

        assertEquals(new RemovedLeftovers(0, 1, 4000), removed);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
    }

    @Test
    void resumableUploadsAndPublishedFilesAreNeverTouched() throws IOException {
        Instant longAgo = now.minus(Duration.ofDays(30));
        Path tus = file(storage.resumableFile(UPLOAD_ID), 5000, longAgo);
        Path original = file(storage.original(ID), 100, longAgo);
        Path poster = file(storage.poster(ID), 100, longAgo);
        Path segment = file(storage.streamDir(ID).resolve("seg-0-00001.m4s"), 100, longAgo);
        Path previous = file(storage.videoDir(ID).resolve(".stream.old").resolve("master.m3u8"), 100, longAgo);

        RemovedLeftovers removed = storage.removeLeftovers(PART_MAX_AGE, UPLOAD_MAX_AGE);

        assertTrue(removed.nothing(), removed.toString());
        for (Path kept : new Path[] {tus, original, poster, segment, previous}) {
            assertTrue(Files.exists(kept), kept.toString());
        }
    }

    @Test
    void anEmptyVolumeHasNothingToRemove() {
        assertEquals(new RemovedLeftovers(0, 0, 0), storage.removeLeftovers(PART_MAX_AGE, UPLOAD_MAX_AGE));
    }

    private static Path file(Path file, int size, Instant written) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
        setWritten(file, written);
        return file;
    }

    private static void setWritten(Path path, Instant written) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(written));
    }
}
