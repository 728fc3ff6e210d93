package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.MediamillClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET /api/health: details for operators, only up or down for everyone else. */
class HealthIT {

    @Test
    void anonymousCallersLearnOnlyUpOrDown() {
        HttpResponse<String> response = MediamillClient.anonymous().get("/api/health");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(MediamillClient.json("{\"status\":\"UP\"}"), MediamillClient.json(response.body()));
    }

    @Test
    void uploadersLearnOnlyUpOrDownToo() {
        HttpResponse<String> response = MediamillClient.newUser("health", "uploader").get("/api/health");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Set.of("status"), MediamillClient.json(response.body()).keySet());
    }

    @Test
    void operatorsSeeEveryCheckUpOnMariaDb() {
        HttpResponse<String> response = new MediamillClient().get("/api/health");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = MediamillClient.json(response.body());
        assertEquals("UP", health.getString("status"));
        JsonObject checks = health.getJsonObject("checks");
        for (String check : new String[] {"database", "ffmpeg", "disk", "batch"}) {
            assertTrue(checks.getJsonObject(check).getBoolean("up"), check + ": " + checks);
        }
        assertTrue(checks.getJsonObject("database").getString("detail").startsWith("MariaDB"), checks.toString());
        assertTrue(checks.getJsonObject("ffmpeg").getString("detail").contains("ffmpeg version"), checks.toString());
    }
}
