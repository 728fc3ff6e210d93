package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.BrowserSession;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestDatabase;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The database going away under the running server and coming back. While it is down, API calls and uploads are
 * answered 503 problem+json with {@code Retry-After}, pages with a readable 503, and health names the database
 * and why; nothing half-done stays behind. Once it is back the server's connection pool reconnects on its own and
 * every upload completes, once. Each test stops the tests' own MariaDB ({@link TestDatabase}) and starts it again
 * however it ends, so the tests that run after it find the database up.
 */
class DatabaseOutageIT {

    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final int MIB = 1024 * 1024;

    private final TestMedia media = new TestMedia();
    private final Path incoming = Path.of(System.getProperty("mediamill.it.home", "target/it-home-wildfly"))
            .resolve("media/incoming");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void uploadsDuringAnOutageAnswer503AndCompleteOnceTheDatabaseIsBack() throws Exception {
        String username = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        new MediamillClient().createUser(username, password, "uploader");
        MediamillClient byToken = MediamillClient.signedInAs(username, password);
        MediamillClient byBasic = MediamillClient.basicAs(username, password);

        Path small = media.mp4("outage-multipart.mp4", 320, 240, 1);
        // Noise compresses badly: a couple of seconds make megabytes, so a PATCH can be caught halfway.
        Path large = media.ffmpeg("-f", "lavfi", "-i", "nullsrc=size=320x240:rate=25,geq=lum='random(1)*255':cb=128:cr=128",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:v", "libx264",
                "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                "-metadata", "comment=" + UUID.randomUUID(), media.file("outage-tus.mp4").toString());
        byte[] bytes = Files.readAllBytes(large);
        assertTrue(bytes.length > 3 * MIB, "the resumable upload needs a few MiB, has " + bytes.length);

        // The pages checked below are compiled now: the first request to a JSP may take seconds, and the upload
        // made next expires in the tests' short upload expiry.
        assertEquals(200, byBasic.get("/library.jsp").statusCode());
        assertEquals(200, new BrowserSession().get("/login").statusCode());

        // While the database is up: the upload is created and its first MiB arrives.
        String upload = createUpload(byToken, bytes.length, "outage-tus.mp4");
        Path uploadFile = incoming.resolve(upload.substring(upload.lastIndexOf('/') + 1) + ".tus");
        assertEquals(204, patch(byToken, upload, 0, new ByteArrayInputStream(bytes, 0, MIB), MIB).statusCode());
        assertEquals(200, byBasic.get("/api/me").statusCode(), "Basic credentials verified while the database is up");

        // A PATCH in flight: its next 1.5 MiB are written before the database stops, the rest after.
        CountDownLatch rest = new CountDownLatch(1);
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(bytes, MIB, MIB + MIB / 2),
                new GatedStream(rest, new ByteArrayInputStream(bytes, 2 * MIB + MIB / 2, bytes.length - 2 * MIB - MIB / 2)));
        CompletableFuture<HttpResponse<String>> inFlight = patchAsync(byToken, upload, MIB, body, bytes.length - MIB);
        awaitTrue(() -> size(uploadFile) >= 2 * MIB, Duration.ofSeconds(30), "the server writes the PATCH in flight");

        try (TestDatabase.Outage outage = TestDatabase.stop()) {
            rest.countDown();
            HttpResponse<String> cut = inFlight.get(60, TimeUnit.SECONDS);
            assertUnavailable(cut, "PATCH whose offset cannot be recorded");
            assertEquals(MIB, size(uploadFile), "what that PATCH wrote is given back: the file holds the recorded offset");

            assertUnavailable(byToken.get("/api/videos"), "GET /api/videos with an API token");
            assertUnavailable(byBasic.get("/api/videos"), "GET /api/videos past sign-in");

            HttpResponse<String> health = MediamillClient.anonymous().get("/api/health");
            assertEquals(503, health.statusCode(), health.body());
            JsonObject down = MediamillClient.json(health.body());
            assertEquals("DOWN", down.getString("status"));
            assertTrue(down.getJsonObject("down").getString("database").startsWith("the database cannot be reached: "),
                    health.body());

            List<Path> before = incomingUploads();
            HttpResponse<String> multipart = byBasic.upload(small, "outage-multipart.mp4", "Sent while down");
            assertUnavailable(multipart, "multipart upload");
            awaitTrue(() -> before.containsAll(incomingUploads()), Duration.ofSeconds(10),
                    "the refused multipart upload leaves nothing in incoming/");

            assertUnavailable(byToken.send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0"),
                    "tus HEAD");
            assertUnavailable(patch(byBasic, upload, MIB, new ByteArrayInputStream(bytes, MIB, 64 * 1024), 64 * 1024),
                    "tus PATCH");
            assertEquals(MIB, size(uploadFile), "the upload keeps the bytes it has");

            HttpResponse<String> page = byBasic.get("/library.jsp");
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("cannot reach its database"), page.body());

            String someVideo = UUID.randomUUID().toString();
            HttpResponse<String> poster = byBasic.get("/media/videos/" + someVideo.substring(0, 2) + "/"
                    + someVideo.substring(2, 4) + "/" + someVideo + "/poster.jpg");
            assertEquals(503, poster.statusCode(), "media cannot be checked for access: " + poster.body());
            assertTrue(poster.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));

            HttpResponse<String> signIn = new BrowserSession().signIn(username, "not-" + password, "/");
            assertEquals(503, signIn.statusCode(), "a sign-in that cannot be checked is not a wrong password");
            assertTrue(signIn.body().contains("cannot reach its database"), signIn.body());
            assertTrue(signIn.headers().firstValue("Retry-After").isPresent());
        }

        // Back: the pool reconnects by itself, and everything completes once.
        awaitTrue(() -> byToken.get("/api/videos").statusCode() == 200, RECOVERY, "the API answers again");
        assertEquals(200, MediamillClient.anonymous().get("/api/health").statusCode());

        HttpResponse<Void> head = byToken.head(upload, "Tus-Resumable", "1.0.0");
        assertEquals(String.valueOf(MIB), head.headers().firstValue("Upload-Offset").orElseThrow());
        HttpResponse<String> last = patch(byToken, upload, MIB, new ByteArrayInputStream(bytes, MIB, bytes.length - MIB),
                bytes.length - MIB);
        assertEquals(204, last.statusCode(), last.body());
        String tusVideo = videoId(last.headers().firstValue("Video-Location").orElseThrow());
        assertEquals("/api/videos/" + tusVideo, byToken.head(upload, "Tus-Resumable", "1.0.0").headers()
                .firstValue("Video-Location").orElseThrow(), "asked again, the upload is the same video");
        assertFalse(Files.exists(uploadFile), "the bytes are the video's now");

        HttpResponse<String> again = byToken.upload(small, "outage-multipart.mp4", "Sent again");
        assertEquals(201, again.statusCode(), "nothing of the refused upload was kept, so this is a new video: " + again.body());
        String multipartVideo = MediamillClient.json(again.body()).getString("id");

        JsonObject tusReady = byToken.awaitReady(tusVideo);
        assertEquals(bytes.length, tusReady.getJsonNumber("sizeBytes").longValue());
        byToken.awaitReady(multipartVideo);
        JsonObject list = MediamillClient.json(byToken.get("/api/videos").body());
        assertEquals(2, list.getInt("total"), "one video per upload, nothing twice: " + list);
        assertEquals(Set.of(tusVideo, multipartVideo), Set.copyOf(list.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("id")).toList()));
    }

    private static void assertUnavailable(HttpResponse<?> response, String what) {
        assertEquals(503, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Retry-After").orElse("").matches("\\d+"), what + " carries Retry-After");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                what + ": " + response.headers().map());
        if (response.body() instanceof String body && !body.isEmpty()) {
            JsonObject problem = MediamillClient.json(body);
            assertEquals(503, problem.getInt("status"));
            assertTrue(problem.getString("detail").contains("cannot reach its database"), body);
        }
    }

    private String createUpload(MediamillClient client, long length, String fileName) {
        String metadata = "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = client.send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(),
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(length), "Upload-Metadata", metadata);
        assertEquals(201, created.statusCode(), created.body());
        return URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private HttpResponse<String> patch(MediamillClient client, String upload, long offset, InputStream body, long length)
            throws Exception {
        return patchAsync(client, upload, offset, body, length).get(2, TimeUnit.MINUTES);
    }

    /** A PATCH whose body is read from {@code body} as it goes, with its length declared. */
    private CompletableFuture<HttpResponse<String>> patchAsync(MediamillClient client, String upload, long offset,
                                                               InputStream body, long length) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.baseUrl() + upload)).timeout(Duration.ofMinutes(2))
                .header("Authorization", client.authorization())
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        length))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aJobThatLosesItsDatabaseCompletesOnceItIsBack() throws Exception {
        MediamillClient client = new MediamillClient();
        String id = client.uploadVideo(media.generate("outage-job.mp4", 1280, 720, 20, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), null);
        awaitTrue(() -> {
            JsonObject video = client.video(id);
            return "PROCESSING".equals(video.getString("status")) && video.getInt("progress") > 15;
        }, Duration.ofMinutes(3), "the ladder is under way");

        try (TestDatabase.Outage outage = TestDatabase.stop()) {
            assertUnavailable(client.get("/api/videos/" + id), "GET the video being processed");
            // The job goes on writing its outputs, with nowhere to report them for a while.
            Thread.sleep(5000);
        }

        awaitTrue(() -> client.get("/api/videos/" + id).statusCode() == 200, RECOVERY, "the API answers again");
        JsonObject done = client.awaitStatus(id, Set.of("READY", "FAILED"), Duration.ofMinutes(6));
        assertEquals("READY", done.getString("status"), done.toString());
        HttpResponse<String> attempts = client.get("/api/videos/" + id + "/attempts");
        List<JsonObject> history = jakarta.json.Json.createReader(new java.io.StringReader(attempts.body())).readArray()
                .getValuesAs(JsonObject.class);
        assertEquals(1, history.stream().filter(a -> a.getString("status").equals("COMPLETED")).count(),
                "completed once: " + history);
        assertTrue(history.stream().noneMatch(a -> a.getString("status").equals("STARTED")), history.toString());
        media.decodeFully(client.baseUrl() + done.getString("hlsUrl"));
    }

    private static String videoId(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private List<Path> incomingUploads() {
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".upload")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** A stream that gives nothing until its gate opens, then what {@code content} has. */
    private static final class GatedStream extends InputStream {
        private final CountDownLatch gate;
        private final InputStream content;

        GatedStream(CountDownLatch gate, InputStream content) {
            this.gate = gate;
            this.content = content;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            try {
                if (!gate.await(2, TimeUnit.MINUTES)) {
                    throw new IOException("the gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return content.read(into, offset, length);
        }
    }
}
