package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

/** A peer's rsync daemon on loopback, configured as the launcher configures a node's: module "media", user "mediamill". */
final class LoopbackRsyncDaemon implements AutoCloseable {

    static final String SECRET = "s3cret";

    private final Process process;
    private final Path volume;
    private final Path passwordFile;
    private final int port;

    private LoopbackRsyncDaemon(Process process, Path volume, Path passwordFile, int port) {
        this.process = process;
        this.volume = volume;
        this.passwordFile = passwordFile;
        this.port = port;
    }

    /** Starts a daemon serving {@code dir}/there; skips the test where rsync is not installed. */
    static LoopbackRsyncDaemon start(Path dir) throws IOException, InterruptedException {
        assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, "rsync"))),
                "rsync is installed (./mediamill test installs it)");
        Path there = Files.createDirectories(dir.resolve("there"));
        Path secrets = secretFile(dir.resolve("rsyncd.secrets"), "mediamill:" + SECRET + "\n");
        Path password = secretFile(dir.resolve("password"), SECRET + "\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("rsyncd.conf");
        Files.writeString(config, "use chroot = false\nuid = " + id("-un") + "\ngid = " + id("-gn") + "\n[media]\npath = "
                + there + "\nread only = false\nauth users = mediamill\nsecrets file = " + secrets + "\n");
        Process daemon = new ProcessBuilder("rsync", "--daemon", "--no-detach", "--address=127.0.0.1", "--port=" + port,
                "--config=" + config, "--log-file=" + dir.resolve("rsyncd.log")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyncd.out").toFile()).start();
        awaitListening(port);
        return new LoopbackRsyncDaemon(daemon, there, password, port);
    }

    /** The peer's media volume. */
    Path volume() {
        return volume;
    }

    int port() {
        return port;
    }

    /** A file holding the daemon's secret, as a node's password file does. */
    Path passwordFile() {
        return passwordFile;
    }

    Peer peer(String name) {
        return new Peer(name, "rsync://127.0.0.1:" + port + "/media");
    }

    @Override
    public void close() {
        process.destroyForcibly();
        process.onExit().join();
    }

    static Path secretFile(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String id(String option) throws IOException {
        return new String(new ProcessBuilder("id", option).start().getInputStream().readAllBytes()).strip();
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
}
