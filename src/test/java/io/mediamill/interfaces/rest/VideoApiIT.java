package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The video API over HTTP against the deployed WAR: real WildFly, MariaDB and ffmpeg. */
class VideoApiIT {

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();

    @Test
    void uploadedVideoBecomesReadyWithH264AacRenditionsOfTheSourceDuration() throws IOException {
        Path source = media.mp4("ready-640x360.mp4", 640, 360, 3);

        HttpResponse<String> created = client.upload(source, "ready-640x360.mp4", "Ready test");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = MediamillClient.json(created.body());
        String id = body.getString("id");
        // Jersey (Payara) makes the Location absolute, as JAX-RS has it resolve relative ones; RESTEasy sends it as given.
        assertEquals("/api/videos/" + id, URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals("Ready test", body.getString("title"));

        JsonObject video = client.awaitFinished(id);
        assertEquals("READY", video.getString("status"), video.toString());
        assertEquals(100, video.getInt("progress"));
        assertEquals(640, video.getInt("width"));
        assertEquals(360, video.getInt("height"));
        assertEquals(3.0, video.getJsonNumber("durationSeconds").doubleValue(), 0.1);
        assertEquals(JsonValue.NULL, video.get("error"));

        List<Integer> heights = video.getJsonArray("renditions").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("kind").equals("VIDEO")).map(r -> r.getInt("height")).toList();
        assertEquals(List.of(360, 240), heights, "every rung up to the source, none taller");

        Path mp4 = client.download(video.getString("mp4Url"), media.file(id + ".mp4"));
        MediaInfo info = media.probe(mp4);
        assertEquals("h264", info.video().codec());
        assertEquals("yuv420p", info.video().pixelFormat());
        assertEquals(360, info.video().height());
        assertEquals("aac", info.audio().codec());
        assertEquals(3.0, info.durationSeconds(), 0.15);
        assertTrue(startsWithMoovBeforeMdat(mp4), "faststart puts the moov atom before the media data");

        for (JsonObject rendition : video.getJsonArray("renditions").getValuesAs(JsonObject.class)) {
            MediaInfo renditionInfo = media.probeUrl(client.baseUrl() + rendition.getString("url"));
            if (rendition.getString("kind").equals("VIDEO")) {
                assertEquals(rendition.getInt("height"), renditionInfo.video().height());
                assertEquals(rendition.getInt("width"), renditionInfo.video().width());
            } else {
                assertEquals("aac", renditionInfo.audio().codec());
            }
            assertTrue(rendition.getJsonNumber("bitrate").longValue() > 0);
        }
    }

    @Test
    void posterAndThumbnailsAreJpegs() {
        String id = client.uploadVideo(media.mp4("poster.mp4", 320, 240, 2), null);

        JsonObject video = client.awaitFinished(id);
        assertEquals("READY", video.getString("status"), video.toString());
        assertEquals("poster", video.getString("title"), "the file name is the default title");
        assertEquals(4, video.getJsonArray("thumbnails").size());
        for (JsonValue snapshot : video.getJsonArray("thumbnails")) {
            assertEquals("mjpeg", media.probeUrl(client.baseUrl() + ((jakarta.json.JsonString) snapshot).getString())
                    .video().codec());
        }

        HttpResponse<byte[]> poster = client.getBytes(video.getString("posterUrl"));
        assertEquals(200, poster.statusCode());
        assertEquals("image/jpeg", poster.headers().firstValue("Content-Type").orElseThrow());
        byte[] jpeg = poster.body();
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1]);
        assertEquals("mjpeg", media.probe(client.download(video.getString("posterUrl"), media.file(id + ".jpg")))
                .video().codec());
    }

    @Test
    void emptyFileIsRefusedWithProblemJson() throws IOException {
        Path empty = media.file("empty.mp4");
        Files.write(empty, new byte[0]);

        HttpResponse<String> response = client.upload(empty, "empty.mp4", null);

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = MediamillClient.json(response.body());
        assertEquals(400, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("\"empty.mp4\" is empty"), problem.toString());
    }

    @Test
    void theSameContentAgainIsTheSameVideo() {
        Path source = media.mp4("dedupe.mp4", 160, 120, 1);
        String first = client.uploadVideo(source, "first");

        HttpResponse<String> again = client.upload(source, "renamed.mp4", "second");

        assertEquals(200, again.statusCode(), again.body());
        // Jersey (Payara) makes the Location absolute, as JAX-RS has it resolve relative ones; RESTEasy sends it as given.
        assertEquals("/api/videos/" + first, URI.create(again.headers().firstValue("Location").orElseThrow()).getPath());
        JsonObject video = MediamillClient.json(again.body());
        assertEquals(first, video.getString("id"));
        assertEquals("first", video.getString("title"), "the existing video, untouched");
        assertEquals(64, video.getString("sha256").length());
        client.awaitFinished(first);
    }

    @Test
    void unknownVideoIsNotFoundAsProblemJson() {
        HttpResponse<String> response = client.get("/api/videos/00000000-0000-0000-0000-000000000000");

        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, MediamillClient.json(response.body()).getInt("status"));
    }

    @Test
    void listIsNewestFirstAndPaged() {
        String older = client.uploadVideo(media.mp4("list-older.mp4", 160, 120, 1), "older");
        String newer = client.uploadVideo(media.mp4("list-newer.mp4", 160, 120, 1), "newer");

        JsonObject firstPage = MediamillClient.json(client.get("/api/videos?page=0&size=1").body());
        JsonObject secondPage = MediamillClient.json(client.get("/api/videos?page=1&size=1").body());

        assertEquals(newer, firstPage.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(older, secondPage.getJsonArray("items").getJsonObject(0).getString("id"));
        assertTrue(firstPage.getInt("total") >= 2);
        assertEquals(400, client.get("/api/videos?size=0").statusCode());
        client.awaitFinished(older);
        client.awaitFinished(newer);
    }

    @Test
    void deleteRemovesTheVideoAndItsFiles() {
        String id = client.uploadVideo(media.mp4("delete-me.mp4", 320, 240, 1), null);
        JsonObject video = client.awaitFinished(id);
        String mp4Url = video.getString("mp4Url");
        assertEquals(200, client.head(mp4Url).statusCode());

        assertEquals(204, client.delete("/api/videos/" + id).statusCode());

        assertEquals(404, client.get("/api/videos/" + id).statusCode());
        assertEquals(404, client.head(mp4Url).statusCode());
        assertEquals(404, client.delete("/api/videos/" + id).statusCode());
    }

    @Test
    void deletingWhileProcessingStopsFfmpegAndLeavesNoFiles() throws Exception {
        String id = client.uploadVideo(media.mp4("delete-while-processing.mp4", 1920, 1080, 8), null);
        client.awaitStatus(id, Set.of("PROCESSING"), Duration.ofMinutes(1));
        awaitFfmpegFor(id, true);

        assertEquals(204, client.delete("/api/videos/" + id).statusCode());

        awaitFfmpegFor(id, false);
        assertEquals(404, client.get("/api/videos/" + id).statusCode());
        Path videos = Path.of(System.getProperty("mediamill.it.home"), "media", "videos");
        Thread.sleep(2000); // a step that was still closing must not bring the folder back
        try (Stream<Path> left = Files.walk(videos)) {
            assertEquals(List.of(), left.filter(p -> p.toString().contains(id)).toList());
        }
    }

    /** The server runs on this machine: its ffmpeg processes are visible here, by the video id in their paths. */
    private static void awaitFfmpegFor(String id, boolean running) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (ffmpegRunningFor(id) != running) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("ffmpeg for " + id + (running ? " never started" : " still running"));
            }
            Thread.sleep(100);
        }
    }

    private static boolean ffmpegRunningFor(String id) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(id)
                && p.info().command().orElse("").endsWith("ffmpeg"));
    }

    @Test
    void uploadsLeaveNoTemporaryCopiesBehind() throws IOException {
        Path incoming = Path.of(System.getProperty("mediamill.it.home"), "media", "incoming");
        long multipartTempsBefore = multipartTemps();

        String id = client.uploadVideo(media.mp4("no-leftovers.mp4", 320, 240, 1), null);
        client.awaitFinished(id);

        try (Stream<Path> left = Files.list(incoming)) {
            assertEquals(List.of(), left.toList(), "uploads in progress are gone once committed");
        }
        assertEquals(multipartTempsBefore, multipartTemps(), "no multipart temp files (m4j*.tmp) left in java.io.tmpdir");
    }

    private static long multipartTemps() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("m4j")).count();
        }
    }

    /** Walks the top-level MP4 boxes: faststart means moov comes before mdat. */
    private static boolean startsWithMoovBeforeMdat(Path mp4) throws IOException {
        byte[] bytes = Files.readAllBytes(mp4);
        int offset = 0;
        while (offset + 8 <= bytes.length) {
            long size = ((bytes[offset] & 0xFFL) << 24) | ((bytes[offset + 1] & 0xFFL) << 16)
                    | ((bytes[offset + 2] & 0xFFL) << 8) | (bytes[offset + 3] & 0xFFL);
            String type = new String(bytes, offset + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("moov")) {
                return true;
            }
            if (type.equals("mdat") || size < 8) {
                return false;
            }
            offset += (int) size;
        }
        return false;
    }
}
