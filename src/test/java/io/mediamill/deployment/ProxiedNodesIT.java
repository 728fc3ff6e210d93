package io.mediamill.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.LiveTestPeers;
import io.mediamill.testing.LoopbackNginx;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.SyncedNodes;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The container stack's pieces outside containers: two nodes configured as the compose file configures them
 * (secrets from files, rsync daemons, trusted proxy), one started as the image starts it ({@code ./mediamill run}
 * in the foreground), and Debian's nginx with the stack's own configuration in front. Uploads, playback and
 * event streams go through nginx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxiedNodesIT {

    private static final Duration LONG = Duration.ofMinutes(6);

    private final TestMedia media = new TestMedia();
    private final Path dir = Path.of(System.getProperty("mediamill.it.home") + "-proxied");
    private ServerNode a;
    private ServerNode b;
    private Process bInForeground;
    private LoopbackNginx nginx;
    private MediamillClient throughProxy;

    @BeforeAll
    void startNodesBehindNginx() throws Exception {
        ServerNode primary = ServerNode.underTest();
        int base = Integer.parseInt(primary.baseUrl().replaceAll(".*:", ""));
        Path secrets = secretFiles(primary);
        a = node(primary, secrets, "a", base + 60, base + 65, base + 75, "b").start();
        b = node(primary, secrets, "b", base + 70, base + 75, base + 65, "a");
        bInForeground = b.runInForeground(Duration.ofMinutes(5));
        nginx = LoopbackNginx.start(dir.resolve("nginx"), base + 80,
                List.of("127.0.0.1:" + (base + 60), "127.0.0.1:" + (base + 70)));
        throughProxy = MediamillClient.basicAs("admin", MediamillClient.adminPassword()).at(nginx.baseUrl());
    }

    /** The database password and the rsync secret as compose passes them: files named by MEDIAMILL_*_FILE. */
    private Path secretFiles(ServerNode primary) throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        write(secrets.resolve("db_password"), primary.setting("MEDIAMILL_DB_PASSWORD", ""));
        write(secrets.resolve("rsync_secret"), SyncedNodes.RSYNC_SECRET + "\n");
        return secrets;
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private ServerNode node(ServerNode primary, Path secrets, String name, int port, int rsyncPort, int peerRsyncPort,
                            String peer) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MEDIAMILL_DB_PASSWORD_FILE", secrets.resolve("db_password").toString());
        settings.put("MEDIAMILL_RSYNC_SECRET_FILE", secrets.resolve("rsync_secret").toString());
        settings.put("MEDIAMILL_TRUSTED_PROXIES", "127.0.0.1");
        return SyncedNodes.node(primary, dir.resolve("node-" + name), "proxied-" + name, port, rsyncPort,
                Map.of("proxied-" + peer, peerRsyncPort), System.getProperty("mediamill.it.scaleDbUrl"))
                .without("MEDIAMILL_DB_PASSWORD", "MEDIAMILL_RSYNC_SECRET").with(settings);
    }

    @AfterAll
    void stopAll() {
        if (nginx != null) {
            nginx.close();
        }
        if (bInForeground != null && bInForeground.isAlive()) {
            ServerNode.stopForeground(bInForeground);
        }
        if (a != null) {
            a.stop();
        }
    }

    @Test
    @Order(0)
    void theImagesBuildStepProvisionsTheServerWithoutStartingIt() {
        ServerNode scratch = ServerNode.underTest().sibling(dir.resolve("provision-only"), 18999);

        scratch.provision();

        assertFalse(Files.exists(scratch.home().resolve("mediamill.pid")), "nothing was started");
        assertTrue(Files.isRegularFile(Path.of(System.getProperty("user.dir"), "target", "mediamill.war")));
    }

    @Test
    @Order(1)
    void aMultipartUploadThroughTheProxyIsProcessedAndPlaysThroughIt() throws Exception {
        Path file = media.mp4("proxied-multipart.mp4", 640, 360, 3);
        String id = throughProxy.uploadVideo(file, "through nginx");
        JsonObject video = throughProxy.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        assertEquals("READY", video.getString("status"), video.toString());

        String master = throughProxy.get(video.getString("hlsUrl")).body();
        assertTrue(master.startsWith("#EXTM3U"), master);
        media.decodeFully(nginx.baseUrl() + video.getString("hlsUrl"));
        HttpResponse<byte[]> range = throughProxy.getBytes(video.getString("mp4Url"), "Range", "bytes=0-99");
        assertEquals(206, range.statusCode());
        assertEquals(100, range.body().length);
    }

    @Test
    @Order(2)
    void aResumableUploadThroughTheProxyAnswersWithTheProxysAddress() throws Exception {
        byte[] bytes = Files.readAllBytes(media.mp4("proxied-tus.mp4", 320, 180, 2));
        HttpResponse<String> created = throughProxy.send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(),
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(bytes.length),
                "Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("proxied-tus.mp4".getBytes()));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(nginx.baseUrl() + "/api/uploads/"),
                "the node believed nginx's forwarded host and scheme: " + location);

        String path = URI.create(location).getPath();
        int half = bytes.length / 2;
        assertEquals(204, patch(path, 0, bytes, 0, half).statusCode());
        HttpResponse<String> last = patch(path, half, bytes, half, bytes.length);
        assertEquals(204, last.statusCode(), last.body());
        String id = last.headers().firstValue("Video-Location").orElseThrow().replaceAll(".*/", "");
        assertEquals("READY", throughProxy.awaitStatus(id, Set.of("READY", "FAILED"), LONG).getString("status"));
    }

    private HttpResponse<String> patch(String path, long offset, byte[] bytes, int from, int to) {
        return throughProxy.send("PATCH", path, HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from),
                "Tus-Resumable", "1.0.0", "Upload-Offset", String.valueOf(offset),
                "Content-Type", "application/offset+octet-stream");
    }

    @Test
    @Order(3)
    void eventsComeThroughTheProxyAsTheyHappen() throws Exception {
        String id = throughProxy.uploadVideo(media.mp4("proxied-events.mp4", 1280, 720, 8), "events through nginx");
        HttpRequest request = HttpRequest.newBuilder(URI.create(nginx.baseUrl() + "/api/videos/" + id + "/events"))
                .header("Authorization", throughProxy.authorization()).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> stream = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String first = lines.lines().filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
            // Had nginx held the stream back, the first event would reach us only once the stream ended, at READY.
            String statusNow = throughProxy.video(id).getString("status");
            assertNotEquals("READY", statusNow, "the first event (" + first + ") arrived only at the end");
        }
        assertEquals("READY", throughProxy.awaitStatus(id, Set.of("READY", "FAILED"), LONG).getString("status"));
    }

    @Test
    @Order(4)
    void apiRequestsSpreadOverBothNodes() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertEquals(200, throughProxy.get("/api/health").statusCode());
        }
        Set<String> answered = nginx.accessLog().stream().filter(line -> line.contains("/api/health"))
                .map(line -> line.replaceAll(".*upstream=", "")).collect(Collectors.toSet());
        assertEquals(2, answered.size(), "both nodes answered: " + answered);
    }

    @Test
    @Order(4)
    void liveHlsIsServedByTheNodeThatRunsTheCameraWhicheverNodeIsAsked() throws Exception {
        try (LiveTestPeers peers = new LiveTestPeers()) {
            peers.startRtmpServer();
            peers.rtmpCamera("proxied");
            HttpResponse<String> started = throughProxy.sendJson("PUT", "/api/streams/proxied",
                    "{\"source\":\"" + peers.rtmpUrl("proxied") + "\"}");
            assertEquals(201, started.statusCode(), started.body());
            JsonObject running = awaitRunning("proxied");
            String playlist = running.getString("playlist");
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> answer = throughProxy.get(playlist);
                assertEquals(200, answer.statusCode(), "request " + i + " for " + playlist + ": " + answer.body());
            }
            List<String> retried = nginx.accessLog().stream().filter(line -> line.contains("/live/s/"))
                    .filter(line -> line.replaceAll(".*upstream=", "").contains(",")).toList();
            assertFalse(retried.isEmpty(), "requests that reached the other node first went on to the camera's node");
        } finally {
            throughProxy.delete("/api/streams/proxied");
        }
    }

    private JsonObject awaitRunning(String camera) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        JsonObject stream = null;
        while (Instant.now().isBefore(deadline)) {
            stream = MediamillClient.json(throughProxy.get("/api/streams/" + camera).body());
            if (stream.getString("state").equals("RUNNING")) {
                return stream;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("camera " + camera + " never ran: " + stream);
    }

    @Test
    @Order(5)
    void aTermStopsTheForegroundNodeAndEverythingItStarted() throws Exception {
        List<ProcessHandle> started = bInForeground.toHandle().descendants().toList();
        assertTrue(started.stream().anyMatch(process -> process.info().command().orElse("").endsWith("/java")),
                "the server runs under the launcher");
        assertTrue(Files.exists(b.home().resolve("rsyncd.pid")), "and so does its rsync daemon");
        long daemon = Long.parseLong(Files.readString(b.home().resolve("rsyncd.pid")).strip());

        bInForeground.destroy();

        assertTrue(bInForeground.waitFor(2, TimeUnit.MINUTES), "the launcher ended");
        assertEquals(0, bInForeground.exitValue(), "a clean stop");
        assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), "nothing it started is left");
        assertFalse(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false), "the daemon stopped");
    }
}
