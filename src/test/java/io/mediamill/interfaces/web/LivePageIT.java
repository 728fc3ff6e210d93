package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.testing.LiveTestPeers;
import io.mediamill.testing.MediamillClient;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live page in Debian's headless Chromium (src/test/node/live.mjs): an operator starts a camera from the form
 * and its player plays the relay; the latency from camera to player is measured on the way and printed, not
 * asserted (machines are noisy), for the README's figures.
 */
class LivePageIT {

    private static final long FLASH_EVERY_MILLIS = 10_000;

    private final MediamillClient admin = new MediamillClient();

    @Test
    void anOperatorStartsACameraOnThePageAndWatchesIt() throws Exception {
        try (LiveTestPeers peers = new LiveTestPeers()) {
            peers.startRtmpServer();
            LiveTestPeers.FlashingCamera camera = peers.flashingRtmpCamera("browser");
            Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
            Path script = Path.of(System.getProperty("mediamill.it.node"), "live.mjs");
            String out = new CommonsExecProcessRunner().run(new ExternalCommand(List.of("node", script.toString(),
                    admin.baseUrl(), "admin", MediamillClient.adminPassword(), "browser-cam", peers.rtmpUrl("browser"),
                    screenshots.toString())), Duration.ofMinutes(4)).stdout();
            JsonObject report = MediamillClient.json(out.lines().reduce((a, b) -> b).orElseThrow());

            assertFalse(report.containsKey("error"), report.toString());
            assertFalse(report.containsKey("pageError"), report.toString());
            assertEquals("/live.jsp", report.getString("path"), report.toString());
            assertEquals("Browser camera", report.getString("title"), report.toString());
            assertTrue(report.getJsonNumber("advancedSeconds").doubleValue() > 1, "the player plays on: " + report);
            List<Long> flashes = report.getJsonArray("flashes").getValuesAs(JsonNumber.class).stream()
                    .map(JsonNumber::longValue).toList();
            assertTrue(flashes.size() >= 2, "the camera's flashes reach the player: " + report);
            for (long flash : flashes) {
                long latency = Math.floorMod(flash - camera.started().toEpochMilli(), FLASH_EVERY_MILLIS);
                System.out.printf("live latency, camera to player (hls.js, 1 s segments): %.1f s%n", latency / 1000.0);
            }
            assertTrue(report.getBoolean("stopped"), report.toString());
        } finally {
            admin.delete("/api/streams/browser-cam");
        }
    }
}
