package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.ExternalProcessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands against a real rsync daemon on loopback, as a peer node runs it: push, delete, pull. */
class RsyncTransfersTest {

    private static final String FOLDER = "videos/ab/cd/abcdef12";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();
    private LoopbackRsyncDaemon daemon;
    private Path here;
    private Path there;
    private Peer peer;
    private RsyncCommands commands;

    @BeforeEach
    void startDaemon() throws Exception {
        daemon = LoopbackRsyncDaemon.start(dir);
        here = Files.createDirectories(dir.resolve("here"));
        there = daemon.volume();
        peer = daemon.peer("other");
        commands = new RsyncCommands("rsync", here, daemon.passwordFile());
    }

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void pushesAVideoFolderWithoutItsHiddenFilesAndRemovesItAgain() throws Exception {
        Path video = Files.createDirectories(here.resolve(FOLDER).resolve("stream"));
        Files.write(video.resolve("seg-1.m4s"), new byte[] {1, 2, 3});
        Files.writeString(video.resolve("index.m3u8"), "#EXTM3U\nseg-1.m4s\n");
        Files.writeString(video.resolve(".index.m3u8.part"), "half");
        Files.writeString(here.resolve(FOLDER).resolve(".original.sha256"), "stamp");
        Files.writeString(here.resolve("videos/ab/cd/keep"), "another video's");

        List<ExternalCommand> push = commands.push(peer, FOLDER);
        assertEquals(2, push.size(), "segments first, manifests last");
        assertTrue(push.get(0).argv().contains("--exclude=*.m3u8"));
        push.forEach(command -> runner.run(command, LIMIT));

        Path copied = there.resolve(FOLDER);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(copied.resolve("stream/seg-1.m4s")));
        assertEquals("#EXTM3U\nseg-1.m4s\n", Files.readString(copied.resolve("stream/index.m3u8")));
        assertFalse(Files.exists(copied.resolve("stream/.index.m3u8.part")), "temporaries stay home");
        assertFalse(Files.exists(copied.resolve(".original.sha256")), "stamps stay home");
        assertFalse(Files.exists(there.resolve("videos/ab/cd/keep")), "only the folder asked for travels");

        Files.writeString(there.resolve("videos/ab/cd/other-video"), "the peer's own");
        deleteTree(here.resolve(FOLDER));
        runner.run(commands.delete(peer, FOLDER), LIMIT);
        assertFalse(Files.exists(copied), "the folder is gone on the peer");
        assertTrue(Files.exists(there.resolve("videos/ab/cd/other-video")), "nothing else went");
    }

    @Test
    void aDeleteOfAFolderThePeerNeverHadSucceeds() throws Exception {
        Files.createDirectories(here.resolve("videos/ef/01"));
        runner.run(commands.delete(peer, "videos/ef/01/ef01aa"), LIMIT);
        assertFalse(Files.exists(there.resolve("videos/ef/01/ef01aa")));
    }

    @Test
    void pullsAFolderAndAFileFromThePeer() throws Exception {
        Path video = Files.createDirectories(there.resolve(FOLDER));
        Files.write(video.resolve("original"), new byte[] {9, 8, 7});
        Files.createDirectories(there.resolve("incoming"));
        Files.write(there.resolve("incoming/u-1.tus"), new byte[] {4, 5});

        commands.pull(peer, FOLDER).forEach(command -> runner.run(command, LIMIT));
        runner.run(commands.pullFile(peer, "incoming/u-1.tus"), LIMIT);

        assertArrayEquals(new byte[] {9, 8, 7}, Files.readAllBytes(here.resolve(FOLDER).resolve("original")));
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(here.resolve("incoming/u-1.tus")));
        ExternalProcessException absent = assertThrows(ExternalProcessException.class,
                () -> runner.run(commands.pull(peer, "videos/00/00/0000").get(0), LIMIT));
        assertEquals(TransferOutcome.Kind.ABSENT, TransferOutcome.of(absent).kind(),
                "a folder the peer does not have is no failure of the peer: " + absent.getMessage());
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        Files.createDirectories(here.resolve(FOLDER));
        RsyncCommands wrong = new RsyncCommands("rsync", here, LoopbackRsyncDaemon.secretFile(dir.resolve("wrong"), "guess\n"));
        ExternalProcessException refused = assertThrows(ExternalProcessException.class,
                () -> runner.run(wrong.push(peer, FOLDER).get(0), LIMIT));
        assertTrue(refused.stderrTail().contains("auth"), refused.stderrTail());
        assertEquals(TransferOutcome.Kind.FAILED, TransferOutcome.of(refused).kind());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
