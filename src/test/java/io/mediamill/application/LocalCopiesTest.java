package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.processing.AttemptFailure;
import io.mediamill.domain.model.video.Video;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.storage.ContentHash;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.testing.NoPeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCopiesTest {

    private static final String ID = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final byte[] BYTES = "the uploaded bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path media;

    private final LocalCopies sources = new LocalCopies();
    private final List<String> pulls = new ArrayList<>();
    private MediaStorage storage;
    private Video video;

    @BeforeEach
    void setUp() {
        storage = new MediaStorage(media);
        sources.storage = storage;
        sources.replication = new NoPeers() {
            @Override
            public boolean pullVideo(String videoId, Duration max) {
                pulls.add(videoId);
                return false;
            }
        };
        sources.config = new MediamillConfig() {
            @Override
            public String nodeName() {
                return "node-a";
            }
        };
        video = new Video(ID, "t", "t.mp4", storage.relative(storage.original(ID)), BYTES.length, Instant.now());
        video.identifyContent("owner", sha256(BYTES));
    }

    @Test
    void aSourceAsUploadedIsUsedAsItIsAndStamped() throws IOException {
        write(BYTES);
        sources.requireSource(video);
        assertEquals(List.of(), pulls);
        assertTrue(Files.readString(stamp()).strip().endsWith(video.sha256()), "verified once, then known");
    }

    @Test
    void aVouchedSourceIsNotReadAgainWhileItIsUnchanged() throws IOException {
        write(BYTES);
        sources.vouchFor(video);
        assertTrue(Files.exists(stamp()));
        sources.requireSource(video);
        assertEquals(List.of(), pulls);
    }

    @Test
    void aSourceThatDiffersFromTheUploadIsFetchedAgainAndFailsTheAttemptWhenNoPeerHasIt() throws IOException {
        write("other bytes".getBytes(StandardCharsets.UTF_8));
        AttemptFailure failure = assertThrows(AttemptFailure.class, () -> sources.requireSource(video));
        assertEquals("source", failure.step());
        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("node-a"), failure.getMessage());
        assertEquals(List.of(ID), pulls);
        assertFalse(Files.exists(stamp()));
    }

    @Test
    void aMissingSourceIsPulledFromAPeer() {
        sources.replication = new NoPeers() {
            @Override
            public boolean pullVideo(String videoId, Duration max) {
                pulls.add(videoId);
                write(BYTES);
                return true;
            }
        };
        sources.requireSource(video);
        assertEquals(List.of(ID), pulls);
    }

    private void write(byte[] bytes) {
        try {
            Files.createDirectories(storage.original(ID).getParent());
            Files.write(storage.original(ID), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path stamp() {
        return storage.original(ID).resolveSibling(".original.sha256");
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = ContentHash.newDigest();
        digest.update(bytes);
        return ContentHash.hex(digest);
    }
}
