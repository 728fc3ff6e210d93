package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pages in Debian's headless Chromium, driven by Playwright (src/test/node/browser-flow.mjs): upload
 * through the page, READY with its poster, listed in the library, played with currentTime advancing, a
 * refused file with the server's reason. Screenshots of each page are left in target/screenshots.
 */
class BrowserFlowIT {

    @Test
    void uploadWatchItBecomeReadyAndPlay() throws Exception {
        String password = "browser-" + UUID.randomUUID();
        String user = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        new MediamillClient().createUser(user, password, "uploader");
        MediamillClient client = MediamillClient.signedInAs(user, password);
        TestMedia media = new TestMedia();
        Path video = media.mp4("browser-flow.mp4", 640, 360, 6);
        Path notVideo = media.text("not-a-video.mp4");
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Path script = Path.of(System.getProperty("mediamill.it.node"), "browser-flow.mjs");

        String out = new CommonsExecProcessRunner().run(new ExternalCommand(List.of("node", script.toString(),
                client.baseUrl(), video.toString(), notVideo.toString(), screenshots.toString(), user, password)),
                Duration.ofMinutes(5)).stdout();
        JsonObject report = MediamillClient.json(out.lines().reduce((a, b) -> b).orElseThrow());

        assertTrue(report.getBoolean("posterShown"), report.toString());
        assertTrue(report.getBoolean("inLibrary"), report.toString());
        assertTrue(report.getJsonNumber("currentTime").doubleValue() > 1, "playback advanced: " + report);
        assertTrue(report.getBoolean("usedHlsJs"), "HLS through hls.js: " + report);
        assertTrue(report.getString("storyboardPreview").contains("sprite.jpg"), report.toString());
        assertTrue(report.getString("refusedReason").contains("\"not-a-video.mp4\" is not a video or audio file"), report.toString());
        assertEquals(user, report.getString("signedInAs"));
        assertEquals("READY", client.video(report.getString("videoId")).getString("status"));
        // The page plays with its session, so it gets plain URLs; this API client gets signed ones for the same files.
        assertEquals(unsigned(client.video(report.getString("videoId")).getString("mp4Url")), report.getString("downloadHref"));
        assertTrue(client.video(report.getString("videoId")).getString("mp4Url").startsWith("/media/s/"));

        // Signed out: the player's page asks to sign in again, and nothing the player loaded is served any more.
        assertTrue(report.getBoolean("signedOut"), report.toString());
        assertEquals("/login", report.getString("watchAfterSignOut"), report.toString());
        List<String> loaded = report.getJsonArray("mediaLoaded").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertTrue(loaded.stream().anyMatch(url -> url.contains(".m3u8")) && loaded.stream().anyMatch(url -> url.contains(".m4s")),
                "the player loaded playlists and segments: " + report);
        assertTrue(report.getJsonArray("mediaAfterSignOut").getValuesAs(JsonNumber.class).stream()
                .allMatch(status -> status.intValue() == 404), "signed out, every media request is refused: " + report);
        for (String page : List.of("upload-in-progress.png", "upload-ready.png", "library.png", "player.png", "signed-out.png")) {
            assertTrue(Files.size(screenshots.resolve(page)) > 10_000, page);
        }
    }

    private static String unsigned(String mediaUrl) {
        assertTrue(mediaUrl.startsWith("/media/s/"), mediaUrl);
        return mediaUrl.replaceFirst("^/media/s/[^/]+/", "/media/");
    }

    /** With the browser's upload throttled: pause holds still, resume continues, a reload does not start over. */
    @Test
    void pauseResumeAndReloadDoNotStartOver() throws Exception {
        Path video = new TestMedia().generate("resumable-in-browser.mp4", 1280, 720, 6, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", "6", "-pix_fmt", "yuv420p", "-c:a", "aac");
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Path script = Path.of(System.getProperty("mediamill.it.node"), "browser-resume.mjs");

        String password = "resume-" + UUID.randomUUID();
        String user = "resume-" + UUID.randomUUID().toString().substring(0, 8);
        new MediamillClient().createUser(user, password, "uploader");
        String out = new CommonsExecProcessRunner().run(new ExternalCommand(List.of("node", script.toString(),
                new MediamillClient().baseUrl(), video.toString(), screenshots.toString(), user, password)),
                Duration.ofMinutes(5)).stdout();
        JsonObject report = MediamillClient.json(out.lines().reduce((a, b) -> b).orElseThrow());

        assertEquals(report.getInt("pausedAt"), report.getInt("whilePaused"), "nothing moves while paused: " + report);
        int beforeReload = report.getInt("beforeReload");
        assertTrue(report.getInt("afterReloadFirst") >= beforeReload - 5 && report.getInt("afterReloadFirst") > 0,
                "after the reload the upload continues near where it was, not from zero: " + report);
        assertTrue(report.getBoolean("ready"), report.toString());
    }
}
