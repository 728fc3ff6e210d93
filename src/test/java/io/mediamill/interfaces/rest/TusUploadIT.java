package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tus 1.0.0 protocol at /api/uploads, rule by rule, and with the real tus-js-client. */
class TusUploadIT {

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void discoveryNamesVersionExtensionsMaxSizeAndChecksums() throws Exception {
        HttpResponse<String> options = send("OPTIONS", "/api/uploads", HttpRequest.BodyPublishers.noBody());

        assertEquals(204, options.statusCode());
        assertEquals("1.0.0", header(options, "Tus-Version"));
        for (String extension : List.of("creation", "creation-with-upload", "termination", "checksum", "expiration")) {
            assertTrue(Arrays.asList(header(options, "Tus-Extension").split(",")).contains(extension), extension);
        }
        assertTrue(Long.parseLong(header(options, "Tus-Max-Size")) > 0);
        assertTrue(header(options, "Tus-Checksum-Algorithm").contains("sha1"));
    }

    @Test
    void uploadInTwoPartsBecomesTheVideoWithTheSameBytes() throws Exception {
        Path file = media.generate("tus-two-parts.mp4", 320, 240, 2, true, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac");
        byte[] bytes = Files.readAllBytes(file);
        String upload = create(bytes.length, "filename " + b64("tus-two-parts.mp4") + ",title " + b64("Über tus"));
        int half = bytes.length / 2;

        HttpResponse<String> first = patch(upload, 0, Arrays.copyOfRange(bytes, 0, half));
        assertEquals(204, first.statusCode(), first.body());
        assertEquals(String.valueOf(half), header(first, "Upload-Offset"));
        assertTrue(first.headers().firstValue("Video-Location").isEmpty());

        HttpResponse<String> head = send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0");
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(half), header(head, "Upload-Offset"));
        assertEquals(String.valueOf(bytes.length), header(head, "Upload-Length"));
        assertEquals("no-store", header(head, "Cache-Control"));
        assertTrue(header(head, "Upload-Metadata").contains("filename "));

        HttpResponse<String> last = patch(upload, half, Arrays.copyOfRange(bytes, half, bytes.length));
        assertEquals(204, last.statusCode(), last.body());
        String videoLocation = header(last, "Video-Location");
        assertEquals(videoLocation, header(send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0"),
                "Video-Location"), "HEAD after completion says where the video is");

        JsonObject video = client.awaitFinished(videoLocation.substring(videoLocation.lastIndexOf('/') + 1));
        assertEquals("READY", video.getString("status"), video.toString());
        assertEquals("Über tus", video.getString("title"));
        assertEquals("tus-two-parts.mp4", video.getString("fileName"));
        assertEquals(sha256(bytes), video.getString("sha256"));
    }

    @Test
    void protocolViolationsAreRefusedAndLoseNothing() throws Exception {
        byte[] bytes = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
        String upload = create(bytes.length, null);
        assertEquals(204, patch(upload, 0, Arrays.copyOfRange(bytes, 0, 100)).statusCode());

        assertEquals(409, patch(upload, 50, Arrays.copyOfRange(bytes, 50, 200)).statusCode(), "offset mismatch");
        assertEquals(415, send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(bytes), "Tus-Resumable", "1.0.0",
                "Upload-Offset", "100", "Content-Type", "application/octet-stream").statusCode(), "wrong content type");
        assertEquals(412, send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(bytes), "Upload-Offset", "100",
                "Content-Type", TusResource.OFFSET_OCTET_STREAM).statusCode(), "no Tus-Resumable");
        HttpResponse<String> badChecksum = send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, 100, 200)),
                "Tus-Resumable", "1.0.0", "Upload-Offset", "100", "Content-Type", TusResource.OFFSET_OCTET_STREAM,
                "Upload-Checksum", "sha1 " + Base64.getEncoder().encodeToString(new byte[20]));
        assertEquals(460, badChecksum.statusCode(), "checksum mismatch");
        assertEquals("100", header(send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0"),
                "Upload-Offset"), "nothing of the refused requests was kept");

        byte[] next = Arrays.copyOfRange(bytes, 100, 200);
        HttpResponse<String> goodChecksum = send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(next),
                "Tus-Resumable", "1.0.0", "Upload-Offset", "100", "Content-Type", TusResource.OFFSET_OCTET_STREAM,
                "Upload-Checksum", "sha1 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(next)));
        assertEquals(204, goodChecksum.statusCode());
        assertEquals("200", header(goodChecksum, "Upload-Offset"));
        assertEquals(413, patch(upload, 200, new byte[bytes.length]).statusCode(), "past Upload-Length");
        assertEquals(413, send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0",
                "Upload-Length", String.valueOf(1L << 50)).statusCode(), "past Tus-Max-Size");
        assertEquals(400, send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0")
                .statusCode(), "no Upload-Length");
    }

    @Test
    void creationWithUploadTerminationAndMethodOverride() throws Exception {
        Path file = media.generate("tus-with-upload.mp4", 320, 240, 1, true, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac");
        byte[] bytes = Files.readAllBytes(file);
        HttpResponse<String> created = send("POST", "/api/uploads", HttpRequest.BodyPublishers.ofByteArray(bytes),
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(bytes.length),
                "Content-Type", TusResource.OFFSET_OCTET_STREAM);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(String.valueOf(bytes.length), header(created, "Upload-Offset"));
        assertNotNull(header(created, "Video-Location"));

        String upload = create(1000, null);
        String id = upload.substring(upload.lastIndexOf('/') + 1);
        Path bytesOnDisk = Path.of(System.getProperty("mediamill.it.home"), "media", "incoming", id + ".tus");
        HttpResponse<String> overridden = send("POST", upload, HttpRequest.BodyPublishers.ofByteArray(new byte[10]),
                "Tus-Resumable", "1.0.0", "X-HTTP-Method-Override", "PATCH", "Upload-Offset", "0",
                "Content-Type", TusResource.OFFSET_OCTET_STREAM);
        assertEquals(204, overridden.statusCode(), overridden.body());
        assertTrue(Files.exists(bytesOnDisk));
        assertEquals(204, send("POST", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0",
                "X-HTTP-Method-Override", "DELETE").statusCode());
        assertEquals(404, send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0").statusCode());
        assertFalse(Files.exists(bytesOnDisk), "terminated: the bytes are gone");
    }

    @Test
    void allowedBrowserOriginsGetCorsAndUntrustedForwardedHeadersAreIgnored() throws Exception {
        String origin = "http://127.0.0.1:" + System.getProperty("mediamill.it.corsPort");
        HttpResponse<String> preflight = send("OPTIONS", "/api/uploads", HttpRequest.BodyPublishers.noBody(),
                "Origin", origin, "Access-Control-Request-Method", "POST");
        assertEquals(origin, header(preflight, "Access-Control-Allow-Origin"));
        assertTrue(header(preflight, "Access-Control-Allow-Headers").contains("Upload-Offset"));

        // Trusted proxies' X-Forwarded-* are tested in SecurityIT; from this client they are not believed.
        HttpResponse<String> created = send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0",
                "Upload-Length", "10", "Origin", origin, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "media.example.com");
        assertTrue(header(created, "Access-Control-Expose-Headers").contains("Location"));
        assertTrue(header(created, "Access-Control-Expose-Headers").contains("Video-Location"));
        assertTrue(header(created, "Location").startsWith(client.baseUrl() + "/api/uploads/"), header(created, "Location"));
        assertNotNull(header(created, "Upload-Expires"));
    }

    @Test
    void unfinishedUploadsExpireWithTheirBytes() throws Exception {
        String upload = create(1000, null);
        String id = upload.substring(upload.lastIndexOf('/') + 1);
        assertEquals(204, patch(upload, 0, new byte[100]).statusCode());
        Path bytesOnDisk = Path.of(System.getProperty("mediamill.it.home"), "media", "incoming", id + ".tus");
        assertTrue(Files.exists(bytesOnDisk));

        Thread.sleep((Long.parseLong(System.getProperty("mediamill.it.uploadExpirySeconds")) + 2) * 1000);

        assertEquals(404, send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0").statusCode());
        assertFalse(Files.exists(bytesOnDisk));
    }

    @Test
    void realTusJsClientResumesAfterTheConnectionIsCut() throws Exception {
        Path file = media.generate("tus-js-client.mp4", 1280, 720, 4, true, "-c:v", "libx264", "-preset", "ultrafast",
                "-crf", "8", "-pix_fmt", "yuv420p", "-c:a", "aac");

        JsonObject report = uploadWithNode("tus-interop.mjs", file, "tus-js-client");

        long size = Files.size(file);
        assertTrue(report.getJsonNumber("cutAt").longValue() < size, report.toString());
        long resumedFrom = report.getJsonNumber("resumedFrom").longValue();
        assertTrue(resumedFrom > 0 && resumedFrom < size, "resumed from what arrived before the cut: " + report);
        String videoLocation = report.getString("videoLocation");
        JsonObject video = client.awaitFinished(videoLocation.substring(videoLocation.lastIndexOf('/') + 1));
        assertEquals("READY", video.getString("status"), video.toString());
        assertEquals(sha256(Files.readAllBytes(file)), video.getString("sha256"), "the stored file is the source, byte for byte");
    }

    @Test
    void uppyInABrowserUploadsFromAnotherOriginInChunks() throws Exception {
        Path file = media.generate("uppy.mp4", 640, 360, 3, true, "-c:v", "libx264", "-preset", "ultrafast",
                "-crf", "10", "-pix_fmt", "yuv420p", "-c:a", "aac");

        JsonObject report = uploadWithNode("uppy-interop.mjs", file, "Über Uppy");

        assertEquals(1, report.getInt("successful"), report.toString());
        assertNotEquals(client.baseUrl(), report.getString("origin"), "the page is on another origin than the service");
        long chunks = (Files.size(file) + 256 * 1024 - 1) / (256 * 1024);
        assertEquals(chunks, report.getJsonArray("patches").size(), "one PATCH per 256 KiB chunk: " + report);
        assertTrue(report.getJsonArray("patches").getValuesAs(JsonNumber.class).stream()
                .allMatch(status -> status.intValue() == 204), report.toString());
        String videoLocation = report.getString("videoLocation");
        JsonObject video = client.awaitFinished(videoLocation.substring(videoLocation.lastIndexOf('/') + 1));
        assertEquals("READY", video.getString("status"), video.toString());
        assertEquals("Über Uppy", video.getString("title"));
        assertEquals("uppy.mp4", video.getString("fileName"));
        assertEquals(sha256(Files.readAllBytes(file)), video.getString("sha256"), "the stored file is the source, byte for byte");
    }

    /** Runs one of the Node.js client scripts (src/test/node) against /api/uploads; returns its JSON report line. */
    private JsonObject uploadWithNode(String script, Path file, String title) {
        Path scripts = Path.of(System.getProperty("mediamill.it.node"));
        String out = new CommonsExecProcessRunner().run(new ExternalCommand(List.of("node", scripts.resolve(script).toString(),
                client.baseUrl() + "/api/uploads", file.toString(), title, client.token(),
                System.getProperty("mediamill.it.corsPort"))), Duration.ofMinutes(2)).stdout();
        return MediamillClient.json(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    private String create(long length, String metadata) throws Exception {
        List<String> headers = new ArrayList<>(List.of("Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(length)));
        if (metadata != null) {
            headers.addAll(List.of("Upload-Metadata", metadata));
        }
        HttpResponse<String> created = send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(), headers.toArray(String[]::new));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("1.0.0", header(created, "Tus-Resumable"));
        return URI.create(header(created, "Location")).getPath();
    }

    private HttpResponse<String> patch(String upload, long offset, byte[] body) throws Exception {
        return send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(body), "Tus-Resumable", "1.0.0",
                "Upload-Offset", String.valueOf(offset), "Content-Type", TusResource.OFFSET_OCTET_STREAM);
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.baseUrl() + path)).method(method, body)
                .header("Authorization", client.authorization());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
