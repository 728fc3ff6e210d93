package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.ExternalProcessException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
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
    private Process daemon;
    private Path here;
    private Path there;
    private Peer peer;
    private RsyncCommands commands;

    @BeforeEach
    void startDaemon() throws Exception {
        assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, "rsync"))),
                "rsync is installed (./mediamill test installs it)");
        here = Files.createDirectories(dir.resolve("here"));
        there = Files.createDirectories(dir.resolve("there"));
        Path secrets = secretFile(dir.resolve("rsyncd.secrets"), "mediamill:s3cret\n");
        Path password = secretFile(dir.resolve("password"), "s3cret\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String user = new String(new ProcessBuilder("id", "-un").start().getInputStream().readAllBytes()).strip();
        String group = new String(new ProcessBuilder("id", "-gn").start().getInputStream().readAllBytes()).strip();
        Path config = dir.resolve("rsyncd.conf");
        Files.writeString(config, "use chroot = false\nuid = " + user + "\ngid = " + group + "\n[media]\npath = " + there
                + "\nread only = false\nauth users = mediamill\nsecrets file = " + secrets + "\n");
        daemon = new ProcessBuilder("rsync", "--daemon", "--no-detach", "--address=127.0.0.1", "--port=" + port,
                "--config=" + config, "--log-file=" + dir.resolve("rsyncd.log")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyncd.out").toFile()).start();
        awaitListening(port);
        peer = new Peer("other", "rsync://127.0.0.1:" + port + "/media");
        commands = new RsyncCommands("rsync", here, password);
    }

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.destroyForcibly();
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
        assertThrows(ExternalProcessException.class, () -> runner.run(commands.pull(peer, "videos/00/00/0000").get(0), LIMIT),
                "a folder the peer does not have is a failed pull");
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        Files.createDirectories(here.resolve(FOLDER));
        RsyncCommands wrong = new RsyncCommands("rsync", here, secretFile(dir.resolve("wrong"), "guess\n"));
        ExternalProcessException refused = assertThrows(ExternalProcessException.class,
                () -> runner.run(wrong.push(peer, FOLDER).get(0), LIMIT));
        assertTrue(refused.stderrTail().contains("auth"), refused.stderrTail());
    }

    private static Path secretFile(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void awaitListening(int port) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the rsync daemon did not listen on " + port);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
