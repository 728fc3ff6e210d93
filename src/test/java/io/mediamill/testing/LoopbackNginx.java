package io.mediamill.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx with the stack's own configuration ({@code docker/nginx/nginx.conf}), in a directory of its own:
 * the one change is the listen address, a loopback port instead of the container's port 80, and the upstreams
 * are the given nodes instead of the compose services.
 */
public final class LoopbackNginx implements AutoCloseable {

    private static final Path CONFIG = Path.of(System.getProperty("user.dir"), "docker", "nginx", "nginx.conf");

    private final Process process;
    private final Path accessLog;
    private final int port;

    private LoopbackNginx(Process process, Path accessLog, int port) {
        this.process = process;
        this.accessLog = accessLog;
        this.port = port;
    }

    public static LoopbackNginx start(Path dir, int port, List<String> upstreams) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String config = Files.readString(CONFIG);
        if (!config.contains("listen 80;")) {
            throw new IllegalStateException(CONFIG + " no longer says \"listen 80;\": update this test");
        }
        Files.writeString(dir.resolve("nginx.conf"), config.replace("listen 80;", "listen 127.0.0.1:" + port + ";"));
        Files.writeString(dir.resolve("upstreams.conf"), upstreams.stream().map(address -> "server " + address + ";\n")
                .collect(Collectors.joining()));
        Path accessLog = dir.resolve("access.log");
        Process process = new ProcessBuilder(nginx(), "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectOutput(accessLog.toFile())
                .redirectError(dir.resolve("error.log").toFile()).start();
        LoopbackNginx nginx = new LoopbackNginx(process, accessLog, port);
        nginx.awaitListening();
        return nginx;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The lines nginx logged so far, one per request, each naming the node that answered ({@code upstream=}). */
    public List<String> accessLog() throws IOException {
        return Files.readAllLines(accessLog);
    }

    @Override
    public void close() {
        process.destroy();
        process.onExit().join();
    }

    private void awaitListening() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + ": "
                + Files.readString(accessLog.resolveSibling("error.log")));
    }

    static String nginx() {
        return Stream.concat(Stream.of(System.getenv("PATH").split(":")), Stream.of("/usr/sbin"))
                .map(dir -> Path.of(dir, "nginx")).filter(Files::isExecutable).findFirst()
                .map(Path::toString).orElseThrow(() -> new IllegalStateException("nginx is not installed "
                        + "(./mediamill test installs Debian's nginx-light)"));
    }
}
