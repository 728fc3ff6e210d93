package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /api/nodes}: the node answering, alive, with the video it is processing; operators only. */
class NodeApiIT {

    private final MediamillClient operator = new MediamillClient();
    private final TestMedia media = new TestMedia();

    @Test
    void listsTheNodesAndWhatEachIsProcessing() {
        String id = operator.uploadVideo(media.mp4("nodes-running.mp4", 1280, 720, 20), "on a node");
        Optional<JsonObject> seen = Optional.empty();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (seen.isEmpty() && Instant.now().isBefore(deadline)
                && !Set.of("READY", "FAILED").contains(operator.video(id).getString("status"))) {
            seen = self(nodes()).getJsonArray("running").getValuesAs(JsonObject.class).stream()
                    .filter(video -> video.getString("videoId").equals(id)).findFirst();
        }
        assertTrue(seen.isPresent(), "the node never listed video " + id + " as running");
        assertEquals("on a node", seen.get().getString("title"));
        assertTrue(seen.get().getJsonNumber("executionId").longValue() > 0);
        operator.awaitReady(id);

        JsonObject self = self(nodes());
        assertTrue(self.getBoolean("alive"), self.toString());
        assertTrue(self.getInt("workers") >= 1, self.toString());
        assertTrue(self.getJsonArray("running").getValuesAs(JsonObject.class).stream()
                .noneMatch(video -> video.getString("videoId").equals(id)), "a READY video is no longer running: " + self);
    }

    @Test
    void onlyOperatorsSeeTheNodes() {
        HttpResponse<String> refused = MediamillClient.newUser("nodes-uploader", "uploader").get("/api/nodes");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(401, MediamillClient.anonymous().get("/api/nodes").statusCode());
    }

    private List<JsonObject> nodes() {
        HttpResponse<String> response = operator.get("/api/nodes");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray nodes = MediamillClient.json("{\"nodes\":" + response.body() + "}").getJsonArray("nodes");
        return nodes.getValuesAs(JsonObject.class);
    }

    private static JsonObject self(List<JsonObject> nodes) {
        List<JsonObject> self = nodes.stream().filter(node -> node.getBoolean("self")).toList();
        assertEquals(1, self.size(), "exactly one node answers: " + nodes);
        return self.get(0);
    }
}
