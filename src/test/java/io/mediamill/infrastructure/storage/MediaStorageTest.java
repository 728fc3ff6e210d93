package io.mediamill.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.config.MediamillConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    void outputsAreServableWithTheirVideo() {
        String dir = "videos/ab/12/" + ID + "/";
        for (Path output : List.of(storage.poster(ID), storage.snapshot(ID, 2), storage.storyboardSprite(ID),
                storage.storyboardTrack(ID), storage.streamDir(ID).resolve("master.m3u8"), storage.download(ID, true),
                storage.download(ID, false))) {
            String relative = storage.relative(output);
            assertTrue(relative.startsWith(dir), relative);
            assertEquals(Optional.of(new MediaStorage.VideoFile(ID, output)), storage.servable(relative), relative);
        }
    }

    @Test
    void theOriginalTheWatermarkAndEverythingUnpublishedAreNotServable() throws IOException {
        Path upload = Files.writeString(storage.newIncomingFile(), "bytes");
        Path image = Files.writeString(storage.newIncomingFile(), "png");
        String original = storage.commitOriginal(ID, upload);
        String watermark = storage.commitWatermark(ID, image);

        assertEquals("videos/ab/12/" + ID + "/original", original);
        assertEquals("videos/ab/12/" + ID + "/watermark", watermark);
        String dir = "videos/ab/12/" + ID + "/";
        for (String path : List.of(original, watermark, dir + "source.mp4", dir + "watermark.png", dir + ".stream.part/master.m3u8",
                dir + ".download.mp4.part", dir + "stream/.x.part", dir + "stream", dir + "poster.jpg/x", dir + "stream/a/b.m4s",
                dir + "stream/../original", dir + "stream//master.m3u8", "videos/ab/99/" + ID + "/poster.jpg",
                "videos/ab/12/" + ID, "incoming/x.upload", "videos/ab/12/../../incoming/x/poster.jpg", "")) {
            assertEquals(Optional.empty(), storage.servable(path), path);
        }
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
