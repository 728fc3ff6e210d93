package io.mediamill.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.config.MediamillConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStorageTest {

    private static final String ID = "ab12cd34-0000-0000-0000-000000000000";

    @TempDir
    Path root;

    private MediaStorage storage;

    @BeforeEach
    void volume() {
        System.setProperty("mediamill.media.dir", root.toString());
        storage = new MediaStorage(new MediamillConfig());
    }

    @AfterEach
    void clear() {
        System.clearProperty("mediamill.media.dir");
    }

    @Test
    void videosAreShardedByTheirId() {
        assertEquals(root.resolve("videos/ab/12/" + ID), storage.videoDir(ID));
        assertThrows(IllegalArgumentException.class, () -> storage.videoDir("../../etc"));
    }

    @Test
    void aFinishedFileIsRenamedIntoPlace() throws IOException {
        Path target = storage.videoDir(ID).resolve("poster.jpg");

        storage.produce(target, temporary -> write(temporary, "jpeg"));

        assertEquals("jpeg", Files.readString(target));
        assertEquals(List.of("poster.jpg"), names(target.getParent()));
    }

    @Test
    void aFailedRunLeavesNeitherTheFileNorItsTemporary() throws IOException {
        Path target = storage.videoDir(ID).resolve("download.mp4");

        assertThrows(IllegalStateException.class, () -> storage.produce(target, temporary -> {
            write(temporary, "half");
            throw new IllegalStateException("ffmpeg exited with 1");
        }));
        assertThrows(IllegalStateException.class, () -> storage.produce(target, temporary -> { }), "nothing written");

        assertEquals(List.of(), names(target.getParent()));
    }

    @Test
    void aFolderIsReplacedWholeAndAFailedOneLeavesTheOldInPlace() throws IOException {
        Path stream = storage.videoDir(ID).resolve("stream");
        storage.produceDirectory(stream, dir -> write(dir.resolve("master.m3u8"), "v1"));
        storage.produceDirectory(stream, dir -> write(dir.resolve("master.m3u8"), "v2"));

        assertThrows(IllegalStateException.class, () -> storage.produceDirectory(stream, dir -> {
            write(dir.resolve("master.m3u8"), "broken");
            throw new IllegalStateException("stalled");
        }));

        assertEquals("v2", Files.readString(stream.resolve("master.m3u8")));
        assertEquals(List.of("stream"), names(stream.getParent()));
    }

    @Test
    void onlyCommittedMediaIsPublic() {
        Path dir = storage.videoDir(ID);
        assertTrue(storage.isPublic(dir.resolve("stream/master.m3u8")));
        assertFalse(storage.isPublic(dir.resolve(".stream.part/master.m3u8")));
        assertFalse(storage.isPublic(dir.resolve(".download.mp4.part")));
        assertFalse(storage.isPublic(root.resolve("incoming/x.upload")));
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("../outside"));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
