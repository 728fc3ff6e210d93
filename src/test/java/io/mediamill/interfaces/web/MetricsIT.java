package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.BrowserSession;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * /metrics over HTTP: who may read it (operators by session or token, a scraper with the metrics token, nobody
 * else), what a scraper gets, and the upload bytes growing with multipart and resumable uploads.
 */
class MetricsIT {

    private static final String METRICS_TOKEN = System.getProperty("mediamill.it.metricsToken", "mediamill-metrics-token");
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4";

    private final MediamillClient operator = new MediamillClient();
    private final TestMedia media = new TestMedia();

    @Test
    void anonymousCallersAreAskedToSignIn() {
        HttpResponse<String> response = MediamillClient.anonymous().get("/metrics");

        assertEquals(401, response.statusCode(), response.body());
        assertProblem(response);
        assertTrue(response.headers().allValues("WWW-Authenticate").stream().anyMatch(c -> c.startsWith("Bearer")));
    }

    @Test
    void usersWhoAreNotOperatorsAreForbiddenHoweverTheySpellThePath() {
        MediamillClient uploader = MediamillClient.newUser("metrics-uploader", "uploader");

        HttpResponse<String> response = uploader.get("/metrics");

        assertEquals(403, response.statusCode(), response.body());
        assertProblem(response);
        for (String spelling : new String[] {"/metrics;x=1", "/%6Detrics", "/static/../metrics"}) {
            HttpResponse<String> other = uploader.get(spelling);
            assertNotEquals(200, other.statusCode(), spelling + ": " + other.body());
            assertFalse(other.body().contains("mediamill_"), spelling + ": " + other.body());
        }
    }

    @Test
    void operatorsReadTheTextFormatWithTheirTokenOrTheirSession() {
        assertScrape(operator.get("/metrics"));

        BrowserSession browser = new BrowserSession();
        assertEquals(302, browser.signIn("admin", MediamillClient.adminPassword(), "/").statusCode());
        assertScrape(browser.get("/metrics"));
    }

    @Test
    void aScraperReadsWithTheMetricsTokenAndOnlyWithTheRightOne() {
        MediamillClient anonymous = MediamillClient.anonymous();

        assertScrape(anonymous.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN));

        HttpResponse<String> wrong = anonymous.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN + "x");
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertProblem(wrong);
        assertEquals(401, anonymous.get("/api/me", "Authorization", "Bearer " + METRICS_TOKEN).statusCode(),
                "the metrics token opens the metrics and nothing else");
    }

    @Test
    void uploadBytesGrowByEveryMultipartAndResumableUpload() throws Exception {
        Path multipart = media.mp4("metrics-multipart.mp4", 320, 240, 2);
        Path resumable = media.mp4("metrics-tus.mp4", 320, 240, 2);
        double before = uploadBytes();

        String id = operator.uploadVideo(multipart, null);
        double afterMultipart = uploadBytes();
        assertTrue(afterMultipart - before >= Files.size(multipart), before + " → " + afterMultipart);

        byte[] bytes = Files.readAllBytes(resumable);
        String upload = URI.create(operator.send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(),
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(bytes.length)).headers()
                .firstValue("Location").orElseThrow()).getPath();
        int half = bytes.length / 2;
        assertEquals(204, patch(upload, 0, Arrays.copyOfRange(bytes, 0, half)).statusCode());
        double afterHalf = uploadBytes();
        assertTrue(afterHalf - afterMultipart >= half, "counted as the PATCH bodies arrive: " + afterMultipart + " → " + afterHalf);
        HttpResponse<String> last = patch(upload, half, Arrays.copyOfRange(bytes, half, bytes.length));
        assertEquals(204, last.statusCode(), last.body());
        assertTrue(uploadBytes() - afterMultipart >= bytes.length);

        // Both processed to the end, so that no job is cut off when the server stops after the tests.
        String videoLocation = last.headers().firstValue("Video-Location").orElseThrow();
        operator.awaitReady(id);
        operator.awaitReady(videoLocation.substring(videoLocation.lastIndexOf('/') + 1));
        assertScrape(operator.get("/metrics"));
    }

    private HttpResponse<String> patch(String upload, long offset, byte[] body) {
        return operator.send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(body), "Tus-Resumable", "1.0.0",
                "Upload-Offset", String.valueOf(offset), "Content-Type", "application/offset+octet-stream");
    }

    private double uploadBytes() {
        HttpResponse<String> scrape = operator.get("/metrics");
        assertEquals(200, scrape.statusCode(), scrape.body());
        return scrape.body().lines().filter(line -> line.startsWith("mediamill_upload_bytes_total "))
                .map(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no mediamill_upload_bytes_total in " + scrape.body()));
    }

    /** What every scrape shows, whatever has happened yet; the attempt and queue series come with the queue. */
    private static void assertScrape(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(TEXT_FORMAT),
                response.headers().toString());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        String body = response.body();
        for (String type : new String[] {"# TYPE mediamill_upload_bytes_total counter",
                "# TYPE mediamill_transcode_seconds histogram", "# TYPE mediamill_ffmpeg_processes gauge"}) {
            assertTrue(body.contains(type + "\n"), type + " in " + body);
        }
        assertTrue(body.lines().anyMatch(line -> line.matches("mediamill_ffmpeg_processes \\d+\\.0")), body);
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(response.statusCode(), MediamillClient.json(response.body()).getInt("status"));
    }
}
