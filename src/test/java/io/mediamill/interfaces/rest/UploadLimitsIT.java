package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one request or one user can take: the parts of an upload form and their sizes, the watermark's size in
 * bytes and pixels, the unfinished resumable uploads one owner may hold, and no trace of requests for uploads
 * that do not exist.
 */
class UploadLimitsIT {

    private static final Path INCOMING = Path.of(System.getProperty("mediamill.it.home"), "media", "incoming");

    /** A user of its own per test: the tus bounds count per owner, so other tests' uploads do not count here. */
    private final MediamillClient client = MediamillClient.newUser("limits", "uploader");
    private final TestMedia media = new TestMedia();
    private final List<String> openedUploads = new ArrayList<>();

    @AfterEach
    void terminateWhatWasOpened() {
        openedUploads.forEach(upload -> client.call("DELETE", upload, null, "Tus-Resumable", "1.0.0"));
    }

    @Test
    void anUnknownPartIsRefusedByNameAndNothingIsKept() throws IOException {
        Set<String> before = incomingFiles();

        JsonObject problem = refused(400, form().file("file", "clip.mp4", new byte[5000]).text("thumbnail", "yes"));

        assertTrue(problem.getString("detail").contains("\"thumbnail\""), problem.toString());
        assertEquals(Set.of(), newFiles(before), "the file part that came first is removed with the request");
    }

    @Test
    void aRepeatedPartIsRefusedByName() {
        JsonObject problem = refused(400, form().text("title", "one").text("title", "two").file("file", "clip.mp4", new byte[10]));

        assertTrue(problem.getString("detail").contains("\"title\" appears more than once"), problem.toString());
    }

    @Test
    void aFormWithMorePartsThanItTakesIsRefused() throws IOException {
        Set<String> before = incomingFiles();
        Form form = form().file("file", "clip.mp4", new byte[100]).text("title", "t").text("visibility", "private")
                .file("watermark", "mark.png", new byte[100]).text("watermarkCorner", "top-left").text("watermarkMargin", "4")
                .text("watermarkOpacity", "1");
        for (int i = 0; i < 10; i++) {
            form.text("extra", "part " + i);
        }

        JsonObject problem = refused(400, form);

        assertTrue(problem.getString("detail").contains("more than 7 parts"), problem.toString());
        assertEquals(Set.of(), newFiles(before));
    }

    @Test
    void anOversizedTextFieldIsRefusedByName() {
        JsonObject problem = refused(400, form().text("title", "x".repeat(5000)).file("file", "clip.mp4", new byte[10]));

        assertTrue(problem.getString("detail").contains("\"title\" is larger than the limit of 4096 bytes"), problem.toString());
    }

    @Test
    void aWatermarkOverTwoMebibytesIsRefusedWhileItArrives() throws IOException {
        // Noise, stored without compression: 1024x1024 RGB is 3 MiB whatever the encoder does.
        Path noisy = media.ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=1024x1024", "-vf", "noise=alls=100:allf=u",
                "-frames:v", "1", "-compression_level", "0", media.file("noisy-mark.png").toString());
        assertTrue(Files.size(noisy) > 2 << 20, "the watermark is over 2 MiB: " + Files.size(noisy));
        Set<String> before = incomingFiles();

        JsonObject problem = refused(422, form().file("watermark", "noisy-mark.png", Files.readAllBytes(noisy))
                .file("file", "clip.mp4", Files.readAllBytes(video())));

        assertTrue(problem.getString("detail").contains("watermark is larger than the limit of 2097152 bytes"), problem.toString());
        assertEquals(Set.of(), newFiles(before));
    }

    @Test
    void aWatermarkWiderThan4096PixelsIsRefused() throws IOException {
        Path wide = media.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=5000x10", "-frames:v", "1", media.file("wide-mark.png").toString());
        Set<String> before = incomingFiles();

        JsonObject problem = refused(422, form().file("file", "clip.mp4", Files.readAllBytes(video()))
                .file("watermark", "wide-mark.png", Files.readAllBytes(wide)));

        assertTrue(problem.getString("detail").contains("5000x10 pixels"), problem.toString());
        assertEquals(Set.of(), newFiles(before));
    }

    @Test
    void aWatermarkWithinTheLimitsIsTaken() throws IOException {
        Path mark = media.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=48x32", "-frames:v", "1", media.file("fine-mark.png").toString());

        HttpResponse<String> created = post(form().file("file", "clip.mp4", Files.readAllBytes(video()))
                .file("watermark", "fine-mark.png", Files.readAllBytes(mark)).text("watermarkCorner", "top-left"));

        assertEquals(201, created.statusCode(), created.body());
        String id = MediamillClient.json(created.body()).getString("id");
        assertEquals("READY", client.awaitFinished(id).getString("status"));
        assertEquals(204, client.delete("/api/videos/" + id).statusCode());
    }

    @Test
    void theEleventhUnfinishedUploadOfOneOwnerIsRefused() {
        int bound = Integer.getInteger("mediamill.it.tusMaxUnfinished");
        for (int i = 0; i < bound; i++) {
            openUpload(1);
        }

        HttpResponse<String> refused = create(1);

        assertProblem(429, refused, "unfinished uploads per user (" + bound + ")");
        // Finishing (here: terminating) one makes room for exactly one more.
        client.call("DELETE", openedUploads.remove(0), null, "Tus-Resumable", "1.0.0");
        openUpload(1);
        assertEquals(429, create(1).statusCode());
    }

    @Test
    void theBytesOneOwnerDeclaresInUnfinishedUploadsAreBounded() {
        long bound = Long.getLong("mediamill.it.tusMaxUnfinishedBytes");
        long largest = Long.getLong("mediamill.it.uploadMaxBytes");
        long declared = 0;
        while (declared + largest <= bound) {
            openUpload(largest);
            declared += largest;
        }

        HttpResponse<String> refused = create(bound - declared + 1);

        assertProblem(429, refused, "limit of bytes in unfinished uploads per user (" + bound + ")");
        if (declared < bound) {
            openUpload(bound - declared);
        }
    }

    @Test
    void requestsForUploadsThatDoNotExistLeaveNothingBehind() throws IOException {
        Set<String> before = incomingFiles();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        ids.addAll(List.of("not-an-id", "x".repeat(200)));

        for (String id : ids) {
            String upload = "/api/uploads/" + id;
            assertEquals(404, client.call("HEAD", upload, null, "Tus-Resumable", "1.0.0").statusCode(), id);
            assertEquals(404, client.call("PATCH", upload, new byte[1000], "Tus-Resumable", "1.0.0", "Upload-Offset", "0",
                    "Content-Type", TusResource.OFFSET_OCTET_STREAM).statusCode(), id);
            assertEquals(404, client.call("DELETE", upload, null, "Tus-Resumable", "1.0.0").statusCode(), id);
            assertEquals(204, client.call("OPTIONS", upload, null).statusCode(), id);
        }

        assertEquals(Set.of(), newFiles(before));
    }

    private HttpResponse<String> create(long length) {
        return client.call("POST", "/api/uploads", null, "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(length));
    }

    private void openUpload(long length) {
        HttpResponse<String> created = create(length);
        assertEquals(201, created.statusCode(), created.body());
        openedUploads.add(URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
    }

    private Path video() {
        return media.mp4("limits-" + UUID.randomUUID() + ".mp4", 160, 120, 1);
    }

    private JsonObject refused(int status, Form form) {
        return assertProblem(status, post(form), null);
    }

    private static JsonObject assertProblem(int status, HttpResponse<String> response, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = MediamillClient.json(response.body());
        assertEquals(status, problem.getInt("status"));
        if (detailPart != null) {
            assertTrue(problem.getString("detail").contains(detailPart), problem.toString());
        }
        return problem;
    }

    private HttpResponse<String> post(Form form) {
        return client.call("POST", "/api/videos", form.body(), "Content-Type", "multipart/form-data; boundary=" + form.boundary);
    }

    private static Set<String> incomingFiles() throws IOException {
        if (!Files.isDirectory(INCOMING)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(INCOMING)) {
            return new HashSet<>(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** What appeared under incoming/ since {@code before}: a refused request must leave nothing there. */
    private static Set<String> newFiles(Set<String> before) throws IOException {
        Set<String> added = incomingFiles();
        added.removeAll(before);
        return added;
    }

    private static Form form() {
        return new Form();
    }

    /** A multipart/form-data body with parts in the order given, names repeated if asked: what a hostile client sends. */
    private static final class Form {
        private final String boundary = "----limits-" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Form text(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Form file(String name, String fileName, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] body() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
