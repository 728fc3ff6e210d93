package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.SyncedNodes;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes on one machine, as operators run them: one MariaDB database (their own, beside the server under
 * test's), a media volume each, an rsync daemon each on loopback, each the other's peer. Uploads spread over
 * both are processed once each, by both, and served byte for byte by both; a node killed with its volume
 * mid-transcode is taken over and catches up once back; a delete on one removes the files on both; a resumable
 * upload started on one is finished through the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Duration LONG = Duration.ofMinutes(6);
    /**
     * HTTP/1.1 only: byte comparisons need no HTTP/2, and Java's client once misread a media body as HTTP/2 frames
     * after its cleartext upgrade to a node just restarted ("Frame type(115) … exceeds MAX_FRAME_SIZE").
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final TestMedia media = new TestMedia();
    private ServerNode a;
    private ServerNode b;
    private MediamillClient onA;
    private MediamillClient onB;
    private final List<String> ready = new ArrayList<>();

    @BeforeAll
    void startTwoNodes() {
        ServerNode primary = ServerNode.underTest();
        int base = Integer.parseInt(primary.baseUrl().replaceAll(".*:", ""));
        a = node(primary, "a", base + 30, base + 35, base + 45, "b");
        b = node(primary, "b", base + 40, base + 45, base + 35, "a");
        a = a.start();
        b = b.start();
        MediamillClient admin = MediamillClient.basicAs("admin", MediamillClient.adminPassword());
        onA = admin.at(a.baseUrl());
        onB = admin.at(b.baseUrl());
    }

    private static ServerNode node(ServerNode primary, String name, int port, int rsyncPort, int peerRsyncPort,
                                   String peer) {
        return SyncedNodes.node(primary, Path.of(System.getProperty("mediamill.it.home") + "-scale-" + name),
                "scale-" + name, port, rsyncPort, Map.of("scale-" + peer, peerRsyncPort),
                System.getProperty("mediamill.it.scaleDbUrl"));
    }

    @AfterAll
    void stopNodes() {
        Stream.of(a, b).forEach(node -> {
            try {
                node.stop();
            } catch (RuntimeException ignored) {
                // The other one still has to stop.
            }
        });
    }

    @Test
    @Order(1)
    void twentyUploadsOverBothNodesAreProcessedOnceEachByBothAndServedAlikeByBoth() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Path file = media.generate("scale-" + i + ".mp4", 320, 180, 2, true, "-c:v", "libx264", "-preset",
                    "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
            ids.add((i % 2 == 0 ? onA : onB).uploadVideo(file, "scale " + i));
        }
        Set<String> workers = new HashSet<>();
        for (String id : ids) {
            JsonObject video = onA.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
            assertEquals("READY", video.getString("status"), video.toString());
            List<JsonObject> attempts = attempts(id);
            assertEquals(1, attempts.size(), "video " + id + " ran once: " + attempts);
            assertEquals("COMPLETED", attempts.get(0).getString("status"));
            workers.add(attempts.get(0).getString("node"));
        }
        assertEquals(Set.of("scale-a", "scale-b"), workers, "both nodes did work");
        for (String id : ids) {
            JsonObject video = onA.video(id);
            for (String url : List.of(video.getString("mp4Url"), video.getString("hlsUrl"), video.getString("posterUrl"))) {
                assertArrayEquals(fetch(a, url), fetch(b, url), url + " is the same from both nodes");
            }
        }
        ready.addAll(ids);

        assertTrue(await(() -> peerSeenFromA().getJsonObject("sync").getInt("backlog") == 0, Duration.ofMinutes(1)),
                "node a owes node b nothing once all is sent: " + peerSeenFromA());
        JsonObject peer = peerSeenFromA();
        assertTrue(peer.getBoolean("alive"), peer.toString());
        assertEquals("rsync://127.0.0.1:" + (Integer.parseInt(b.baseUrl().replaceAll(".*:", "")) + 5) + "/media",
                peer.getJsonObject("sync").getString("address"));
    }

    /** Node b as node a's {@code GET /api/nodes} shows it. */
    private JsonObject peerSeenFromA() {
        HttpResponse<String> nodes = onA.get("/api/nodes");
        assertEquals(200, nodes.statusCode(), nodes.body());
        return MediamillClient.json("{\"n\":" + nodes.body() + "}").getJsonArray("n").getValuesAs(JsonObject.class)
                .stream().filter(node -> node.getString("name").equals("scale-b")).findFirst().orElseThrow();
    }

    @Test
    @Order(2)
    void aNodeKilledMidTranscodeIsTakenOverAndCatchesUpOnceBack() throws Exception {
        String id = null;
        for (int i = 0; i < 4 && id == null; i++) {
            String candidate = onB.uploadVideo(media.generate("scale-takeover-" + i + ".mp4", 1280, 720, 30, true,
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), "takeover " + i);
            if (await(() -> runningOn(candidate, "scale-b") || !attempts(candidate).isEmpty(), Duration.ofMinutes(2))
                    && runningOn(candidate, "scale-b")) {
                id = candidate;
            }
        }
        assertTrue(id != null, "node b took one of the long videos");
        String takenOver = id;
        await(() -> onA.video(takenOver).getInt("progress") > 15, Duration.ofMinutes(2));
        b.crashWithVolume();

        JsonObject video = onA.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        assertEquals("READY", video.getString("status"), video.toString());
        List<JsonObject> attempts = attempts(id);
        assertEquals("FAILED", attempts.get(0).getString("status"), attempts.toString());
        assertEquals("node", attempts.get(0).getString("failedStep"));
        assertEquals("scale-a", attempts.get(attempts.size() - 1).getString("node"), attempts.toString());
        assertFalse(Files.exists(SyncedNodes.videoFolder(b, id).resolve("download.mp4")),
                "node b was away when the video was finished");

        b = b.start();
        Path onNodeB = SyncedNodes.videoFolder(b, id).resolve("download.mp4");
        Path onNodeA = SyncedNodes.videoFolder(a, id).resolve("download.mp4");
        assertTrue(await(() -> Files.exists(onNodeB), Duration.ofMinutes(2)), "node b caught up with what it missed");
        assertTrue(await(() -> sameBytes(onNodeA, onNodeB), Duration.ofMinutes(1)));
        assertArrayEquals(fetch(a, video.getString("mp4Url")), fetch(b, video.getString("mp4Url")));
    }

    @Test
    @Order(3)
    void aDeleteOnOneNodeRemovesTheFilesOnBoth() {
        String id = ready.get(0);
        Path onNodeA = SyncedNodes.videoFolder(a, id);
        Path onNodeB = SyncedNodes.videoFolder(b, id);
        assertTrue(Files.isDirectory(onNodeA) && Files.isDirectory(onNodeB));
        assertEquals(204, onB.delete("/api/videos/" + id).statusCode());
        assertFalse(Files.exists(onNodeB));
        assertTrue(await(() -> !Files.exists(onNodeA), Duration.ofMinutes(1)), "the delete reached node a");
    }

    @Test
    @Order(4)
    void aResumableUploadStartedOnOneNodeIsFinishedThroughTheOther() throws Exception {
        byte[] bytes = Files.readAllBytes(media.generate("scale-tus.mp4", 320, 180, 3, true, "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        HttpResponse<String> created = onA.send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(),
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(bytes.length),
                "Upload-Metadata", "filename " + java.util.Base64.getEncoder().encodeToString("scale-tus.mp4".getBytes()));
        assertEquals(201, created.statusCode(), created.body());
        String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        int half = bytes.length / 2;
        assertEquals(204, patch(onA, location, 0, bytes, 0, half).statusCode());

        HttpResponse<String> head = onB.send("HEAD", location, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0");
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(half), head.headers().firstValue("Upload-Offset").orElseThrow(),
                "node b fetched the bytes node a received");
        HttpResponse<String> last = patch(onB, location, half, bytes, half, bytes.length);
        assertEquals(204, last.statusCode(), last.body());
        String videoId = last.headers().firstValue("Video-Location").orElseThrow().replaceAll(".*/", "");
        JsonObject video = onA.awaitStatus(videoId, Set.of("READY", "FAILED"), LONG);
        assertEquals("READY", video.getString("status"), video.toString());
        assertEquals(bytes.length, video.getJsonNumber("sizeBytes").longValue());
    }

    private HttpResponse<String> patch(MediamillClient client, String location, long offset, byte[] bytes, int from, int to) {
        return client.send("PATCH", location, HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from),
                "Tus-Resumable", "1.0.0", "Upload-Offset", String.valueOf(offset),
                "Content-Type", "application/offset+octet-stream");
    }

    private List<JsonObject> attempts(String id) {
        HttpResponse<String> response = onA.get("/api/videos/" + id + "/attempts");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray attempts = MediamillClient.json("{\"a\":" + response.body() + "}").getJsonArray("a");
        return attempts.getValuesAs(JsonObject.class);
    }

    private boolean runningOn(String id, String node) {
        List<JsonObject> attempts = attempts(id);
        return !attempts.isEmpty() && attempts.get(attempts.size() - 1).getString("node").equals(node)
                && attempts.get(attempts.size() - 1).getString("status").equals("STARTED");
    }

    /** A media URL's bytes from one node; a node whose copy is still on its way says 503 and when to come back. */
    private static byte[] fetch(ServerNode node, String url) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return response.body();
            }
            assertEquals(503, response.statusCode(), url + " on " + node.baseUrl());
            assertTrue(response.headers().firstValue("Retry-After").isPresent());
            assertTrue(Instant.now().isBefore(deadline), url + " never reached " + node.baseUrl());
            Thread.sleep(500);
        }
    }

    private static boolean sameBytes(Path one, Path other) {
        try {
            return Files.exists(one) && Files.exists(other) && Files.mismatch(one, other) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
