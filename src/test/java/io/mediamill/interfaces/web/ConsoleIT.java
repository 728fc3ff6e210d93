package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.testing.BrowserSession;
import io.mediamill.testing.DownloadBlocker;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The batch console in Debian's headless Chromium, driven by Playwright (src/test/node/console.mjs): an operator
 * restarts a failed job from the page and sees its new execution run without reloading, then abandons another
 * and starts its video afresh; only operators get the page. Screenshots are left in target/screenshots.
 */
class ConsoleIT {

    private final MediamillClient admin = new MediamillClient();

    @Test
    void anOperatorRestartsOrAbandonsFailedJobsAndWatchesTheNewExecutionsLive() throws Exception {
        TestMedia media = new TestMedia();
        String id = admin.uploadVideo(media.mp4("console-restart.mp4", 320, 180, 2),
                "Console restart " + UUID.randomUUID().toString().substring(0, 8));
        DownloadBlocker blocker = DownloadBlocker.block(id);
        String other = admin.uploadVideo(media.mp4("console-afresh.mp4", 320, 180, 2),
                "Console afresh " + UUID.randomUUID().toString().substring(0, 8));
        DownloadBlocker otherBlocker = DownloadBlocker.block(other);
        assertEquals("FAILED", admin.awaitFinished(id).getString("status"));
        assertEquals("FAILED", admin.awaitFinished(other).getString("status"));
        List<JsonObject> attempts = attempts(id);
        long failed = attempts.get(attempts.size() - 1).getJsonNumber("executionId").longValue();
        long otherFailed = last(attempts(other)).getJsonNumber("executionId").longValue();
        blocker.remove();
        otherBlocker.remove();

        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Path script = Path.of(System.getProperty("mediamill.it.node"), "console.mjs");
        String out = new CommonsExecProcessRunner().run(new ExternalCommand(List.of("node", script.toString(),
                admin.baseUrl(), "admin", MediamillClient.adminPassword(), id, String.valueOf(failed), other,
                String.valueOf(otherFailed), screenshots.toString())),
                Duration.ofMinutes(5)).stdout();
        JsonObject report = MediamillClient.json(out.lines().reduce((a, b) -> b).orElseThrow());

        assertEquals("/console", report.getString("path"), report.toString());
        assertTrue(report.getString("badStatusError").contains("Unknown status \"RUNNING\""), report.toString());
        assertTrue(report.getBoolean("failedRowShown"), report.toString());
        assertTrue(report.getJsonArray("failedRowButtons").toString().contains("Restart"), report.toString());
        assertTrue(report.getInt("queueNodes") >= 1 && report.getBoolean("thisNodeAlive"), report.toString());
        assertEquals(attempts.size(), report.getInt("attemptsBefore"), report.toString());
        assertTrue(report.getString("notice").contains("restarted as job execution " + report.getString("newExecutionId")),
                report.toString());
        assertTrue(report.getBoolean("newExecutionCompleted"), report.toString());
        assertEquals(attempts.size() + 1, report.getInt("attemptsAfter"), report.toString());
        assertEquals("COMPLETED", report.getString("lastAttemptStatus"), report.toString());
        assertTrue(report.getString("confirmed").contains("Abandon job execution " + otherFailed), report.toString());
        assertEquals("[]", report.getJsonArray("abandonedButtons").toString().replace("\"Start afresh\"", ""),
                "only Start afresh is left: " + report);
        assertTrue(report.getString("abandonedNotice").contains("was abandoned"), report.toString());
        assertTrue(report.getString("afreshNotice").contains("is processed afresh"), report.toString());
        assertTrue(report.getBoolean("sameDocument"), "the page was not reloaded: " + report);
        assertTrue(report.isNull("errorShown"), report.toString());
        assertFalse(report.containsKey("pageError"), report.toString());

        assertEquals("READY", admin.awaitReady(id).getString("status"));
        List<JsonObject> after = attempts(id);
        assertEquals(Long.parseLong(report.getString("newExecutionId")), last(after).getJsonNumber("executionId").longValue());
        assertEquals("READY", admin.awaitReady(other).getString("status"));
        List<JsonObject> afresh = attempts(other);
        assertEquals("ABANDONED", afresh.get(afresh.size() - 2).getString("status"), afresh.toString());
        assertEquals(Long.parseLong(report.getString("afreshExecutionId")), last(afresh).getJsonNumber("executionId").longValue());
        for (String page : List.of("console-failed.png", "console-restarted.png", "console-afresh.png")) {
            assertTrue(Files.size(screenshots.resolve(page)) > 10_000, page);
        }
    }

    @Test
    void theConsoleIsForOperatorsOnly() {
        BrowserSession operator = new BrowserSession();
        operator.signIn("admin", MediamillClient.adminPassword(), "/");
        HttpResponse<String> page = operator.get("/console");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"jobs\"") && page.body().contains("/static/console.js"));
        assertTrue(operator.get("/").body().contains("href=\"/console\""), "operators see the link");
        assertEquals(404, operator.get("/WEB-INF/console.jsp").statusCode());

        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "console-" + UUID.randomUUID();
        admin.createUser(name, password, "uploader");
        BrowserSession uploader = new BrowserSession();
        uploader.signIn(name, password, "/");
        HttpResponse<String> refused = uploader.get("/console");
        assertEquals(403, refused.statusCode());
        assertFalse(uploader.get("/").body().contains("href=\"/console\""), "uploaders do not see the link");

        HttpResponse<String> anonymous = new BrowserSession().get("/console");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElseThrow().contains("/login?next=%2Fconsole"));
    }

    private static JsonObject last(List<JsonObject> list) {
        return list.get(list.size() - 1);
    }

    private List<JsonObject> attempts(String videoId) {
        HttpResponse<String> response = admin.get("/api/videos/" + videoId + "/attempts");
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }
}
