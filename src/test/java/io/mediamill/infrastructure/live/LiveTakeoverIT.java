package io.mediamill.infrastructure.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.LiveTestPeers;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.SyncedNodes;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database: a camera runs on exactly one of them; when that node dies, the other takes the camera
 * over; a node stopped and started again starts the cameras it runs again. Ports from {@code mediamill.it.livePort}
 * + 20 on; the scale-out tests' database.
 */
class LiveTakeoverIT {

    private static final Path WORK = Path.of(System.getProperty("mediamill.it.work", "target/it-media"));
    private static final Duration TAKEOVER = Duration.ofSeconds(90);

    @Test
    void aDeadNodesCameraMovesToALiveNodeAndARestartedNodeRunsItsCamerasAgain() throws Exception {
        int base = Integer.getInteger("mediamill.it.livePort", 18170) + 20;
        ServerNode like = ServerNode.underTest();
        String database = System.getProperty("mediamill.it.scaleDbUrl");
        ServerNode first = SyncedNodes.node(like, WORK.resolve("live-node-a"), "live-a", base, 0, Map.of(), database).start();
        ServerNode second = SyncedNodes.node(like, WORK.resolve("live-node-b"), "live-b", base + 10, 0, Map.of(), database).start();
        List<ServerNode> nodes = List.of(first, second);
        // Basic, not a token: the tokens live in the test server's database, and these nodes have one of their own.
        MediamillClient admin = MediamillClient.basicAs("admin", MediamillClient.adminPassword());
        try (LiveTestPeers peers = new LiveTestPeers()) {
            peers.startRtmpServer();
            peers.rtmpCamera("hall");
            MediamillClient onFirst = admin.at(first.baseUrl());
            HttpResponse<String> started = onFirst.sendJson("PUT", "/api/streams/hall",
                    "{\"source\":\"" + peers.rtmpUrl("hall") + "\"}");
            assertEquals(201, started.statusCode(), started.body());

            JsonObject running = await(onFirst, node -> true);
            ServerNode holder = running.getString("node").equals(first.nodeName()) ? first : second;
            ServerNode survivor = holder == first ? second : first;
            assertEquals(1, relaysOf(holder).size(), "the holder runs the camera's ffmpeg");
            assertEquals(0, relaysOf(survivor).size(), "the other node does not");

            List<ProcessHandle> relays = relaysOf(holder);
            holder.crash();
            for (ProcessHandle relay : relays) {
                relay.onExit().get(30, TimeUnit.SECONDS);
            }
            MediamillClient onSurvivor = admin.at(survivor.baseUrl());
            JsonObject moved = await(onSurvivor, node -> node.equals(survivor.nodeName()));
            assertEquals(1, relaysOf(survivor).size(), "the survivor runs it now: " + moved);

            survivor.stop();
            assertTrue(relaysOf(survivor).isEmpty(), "a stopped node leaves no ffmpeg behind");
            survivor.start();
            JsonObject again = await(onSurvivor, node -> node.equals(survivor.nodeName()));
            assertNotEquals(null, again.get("uptimeSeconds"), again.toString());
        } finally {
            for (ServerNode node : nodes) {
                try {
                    admin.at(node.baseUrl()).delete("/api/streams");
                } catch (UncheckedIOException down) {
                    // the crashed node, not started again: the other one stopped the camera
                }
            }
            nodes.forEach(ServerNode::stop);
        }
    }

    /** Waits until the camera is RUNNING on a node that {@code where} accepts. */
    private static JsonObject await(MediamillClient client, java.util.function.Predicate<String> where)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(TAKEOVER);
        JsonObject stream = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = client.get("/api/streams/hall");
            if (response.statusCode() == 200) {
                stream = MediamillClient.json(response.body());
                if (stream.getString("state").equals("RUNNING") && where.test(Objects.toString(stream.getString("node", null)))) {
                    return stream;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("camera hall never ran where expected in " + TAKEOVER.toSeconds() + " s: " + stream);
    }

    /** The ffmpeg processes writing camera hall's HLS on that node's volume. */
    private static List<ProcessHandle> relaysOf(ServerNode node) {
        return ServerNode.processesMentioning("ffmpeg", node.home().resolve("media").resolve("live").resolve("hall").toString());
    }
}
