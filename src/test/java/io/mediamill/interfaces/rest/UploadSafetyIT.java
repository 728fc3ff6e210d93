package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.mediamill.application.AcceptedFormats;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.ExternalProcessException;
import io.mediamill.infrastructure.media.FfprobeCommands;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ffmpeg reads only the upload: a file that would make ffprobe or ffmpeg open other files or URLs (a playlist,
 * a manifest, a list, a session description) is refused for what it is, through multipart and through tus,
 * and nothing it names is opened; a still image is refused as one; a failed job's error names no server path.
 */
class UploadSafetyIT {

    private static final Path HOME = Path.of(System.getProperty("mediamill.it.home")).toAbsolutePath();
    private static final Path INCOMING = HOME.resolve("media").resolve("incoming");

    /** Stands for any server on the network a playlist could point at; counts what reaches it. */
    private static HttpServer elsewhere;
    private static final AtomicInteger REQUESTS_ELSEWHERE = new AtomicInteger();
    /** A real media file on this machine, which a playlist could pull into someone's video. */
    private static Path localMedia;

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();

    @BeforeAll
    static void startServerElsewhereAndMakeLocalMedia() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            REQUESTS_ELSEWHERE.incrementAndGet();
            byte[] body = Files.readAllBytes(localMedia);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();
        localMedia = new TestMedia().mp4("somebody-elses.mp4", 160, 120, 1).toAbsolutePath();
    }

    @AfterAll
    static void stopServerElsewhere() {
        elsewhere.stop(0);
    }

    @AfterEach
    void refusedBytesAreRemoved() throws IOException {
        try (Stream<Path> files = Files.list(INCOMING)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".upload")).toList());
        }
    }

    /** Each case: the file's text, and how the refusal calls it. */
    static Stream<Arguments> filesPointingElsewhere() {
        String local = localMediaPath();
        return Stream.of(
                Arguments.of("HLS playlist", "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n"
                        + "#EXTINF:1.0,\n" + local + "\n#EXT-X-ENDLIST\n", "an HLS playlist"),
                Arguments.of("live HLS playlist", "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n"
                        + "#EXTINF:1.0,\n" + local + "\n", "an HLS playlist"),
                Arguments.of("DASH manifest", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                        + "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\" mediaPresentationDuration=\"PT1S\" "
                        + "minBufferTime=\"PT1S\" profiles=\"urn:mpeg:dash:profile:isoff-on-demand:2011\">\n"
                        + "<Period><AdaptationSet mimeType=\"video/mp4\"><Representation id=\"1\" bandwidth=\"100000\">"
                        + "<BaseURL>" + local + "</BaseURL></Representation></AdaptationSet></Period></MPD>\n",
                        "a DASH manifest"),
                Arguments.of("ffconcat list", "ffconcat version 1.0\nfile '" + local + "'\n", "a concat list"),
                Arguments.of("concat list", "file '" + local + "'\nfile '" + local + "'\n", "a concat list"),
                Arguments.of("SDP", "v=0\no=- 0 0 IN IP4 127.0.0.1\ns=stream\nc=IN IP4 127.0.0.1\nt=0 0\n"
                        + "m=video 5004 RTP/AVP 96\na=rtpmap:96 H264/90000\n", "an SDP session description"),
                Arguments.of("HLS playlist of a URL", "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\nhttp://127.0.0.1:"
                        + elsewhere.getAddress().getPort() + "/segment.ts\n#EXT-X-ENDLIST\n", "an HLS playlist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesPointingElsewhere")
    void aFilePointingElsewhereIsRefusedThroughMultipart(String kind, String text, String what) throws IOException {
        Path file = textFile(text);
        long videosBefore = videoCount();

        HttpResponse<String> response = client.upload(file, "x.mp4", null);

        JsonObject problem = problem(response, 422);
        assertTrue(problem.getString("detail").startsWith("The file \"x.mp4\" is " + what + ", which refers to "),
                problem.toString());
        assertTrue(problem.getString("detail").endsWith("; upload the media itself."), problem.toString());
        assertNoVideoOf(file, videosBefore);
        assertEquals(0, REQUESTS_ELSEWHERE.get(), "nothing the file names was fetched");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesPointingElsewhere")
    void aFilePointingElsewhereIsRefusedThroughTus(String kind, String text, String what) throws IOException {
        Path file = textFile(text);
        byte[] bytes = Files.readAllBytes(file);
        long videosBefore = videoCount();
        String upload = createTusUpload(bytes.length, "x.mp4");

        HttpResponse<String> completing = client.send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(bytes),
                "Tus-Resumable", "1.0.0", "Upload-Offset", "0", "Content-Type", TusResource.OFFSET_OCTET_STREAM);

        JsonObject problem = problem(completing, 422);
        assertTrue(problem.getString("detail").startsWith("The file \"x.mp4\" is " + what), problem.toString());
        assertEquals(404, client.send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0")
                .statusCode(), "the refused upload is gone");
        assertFalse(Files.exists(INCOMING.resolve(upload.substring(upload.lastIndexOf('/') + 1) + ".tus")), "with its bytes");
        assertNoVideoOf(file, videosBefore);
        assertEquals(0, REQUESTS_ELSEWHERE.get(), "nothing the file names was fetched");
    }

    @Test
    void stillImagesNamedLikeVideosAreRefusedAsImages() throws IOException {
        for (String kind : List.of("PNG", "JPEG")) {
            Path image = media.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=64x48", "-frames:v", "1", "-update", "1",
                    media.file("still." + (kind.equals("PNG") ? "png" : "jpg")).toString());
            long videosBefore = videoCount();

            JsonObject problem = problem(client.upload(image, "x.mp4", null), 422);

            assertEquals("The file \"x.mp4\" is a still image (" + kind + "), not a video.", problem.getString("detail"));
            assertNoVideoOf(image, videosBefore);
        }
    }

    @Test
    void ffprobesOwnWordsNameTheUsersFileNotTheStoredOne() {
        JsonObject problem = problem(client.upload(media.text("notes.mp4"), "x.mp4", null), 422);

        assertTrue(problem.getString("detail").contains("(x.mp4: Invalid data found when processing input)"), problem.toString());
        assertNoServerPath(problem.getString("detail"));
    }

    @Test
    void theAllowedDemuxersAloneKeepFfprobeFromFollowingAPlaylist() throws IOException {
        // Runs the real ffprobe here, past the service's own first look at the bytes: the playlist is found
        // by ffprobe and refused before its demuxer reads it, where without the limits it reads the file named.
        Path playlist = textFile("#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n" + localMedia + "\n#EXT-X-ENDLIST\n");
        CommonsExecProcessRunner runner = new CommonsExecProcessRunner();

        String followed = runner.run(new ExternalCommand(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name",
                "-of", "csv=p=0", playlist.toString())), Duration.ofMinutes(1)).stdout();
        assertTrue(followed.contains("h264"), "unlimited, ffprobe reads what the playlist names: " + followed);

        String refusal;
        try {
            runner.run(new FfprobeCommands("ffprobe").probe(AcceptedFormats.upload(playlist)), Duration.ofMinutes(1));
            throw new AssertionError("the playlist was read");
        } catch (ExternalProcessException e) {
            refusal = e.stderrTail();
        }
        assertTrue(refusal.matches("(?s)\\[hls @ 0x\\p{XDigit}+] Format not on whitelist .*"), refusal);
    }

    @Test
    void otherAcceptedContainersStillBecomeVideos() {
        List<Path> files = List.of(
                media.generate("ps.mpg", 160, 120, 1, true, "-c:v", "mpeg2video", "-c:a", "mp2"),
                media.generate("asf.wmv", 160, 120, 1, true, "-c:v", "wmv2", "-c:a", "wmav2"),
                audio("adts.aac", "-c:a", "aac"),
                audio("pcm.wav", "-c:a", "pcm_s16le"),
                audio("opus.opus", "-c:a", "libopus"),
                audio("lossless.flac", "-c:a", "flac"),
                audio("apple.m4a", "-c:a", "aac"));
        List<String> ids = files.stream().map(file -> client.uploadVideo(file, null)).toList();
        for (String id : ids) {
            JsonObject video = client.awaitFinished(id);
            assertEquals("READY", video.getString("status"), video.toString());
        }
    }

    @Test
    void aFailedJobsErrorNamesNoServerPathWhileTheLogKeepsIt() throws IOException {
        String id = client.uploadVideo(media.mp4("fails-late.mp4", 320, 240, 3), null);
        // A folder where the download is written makes that last item fail, after ffmpeg named its output.
        Path folder = HOME.resolve("media").resolve("videos").resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
        Files.createDirectories(folder.resolve(".download.mp4.part").resolve("blocker"));

        JsonObject failed = client.awaitFinished(id);

        assertEquals("FAILED", failed.getString("status"), failed.toString());
        String error = failed.getString("error");
        assertTrue(error.startsWith("renditions: ") && error.contains(".download.mp4.part: Is a directory"), error);
        assertNoServerPath(error);
        String log = Files.readString(HOME.resolve("server/log/server.log"));
        String logged = log.substring(log.indexOf("video " + id + " failed in step renditions: "));
        assertTrue(logged.lines().limit(5).anyMatch(line -> line.contains(folder.resolve(".download.mp4.part").toString())),
                "operators have the path: " + logged);
        assertEquals(204, client.delete("/api/videos/" + id).statusCode());
    }

    private Path audio(String name, String... codec) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "1", "-metadata", "comment=" + UUID.randomUUID()));
        args.addAll(List.of(codec));
        args.add(media.file(name).toString());
        return media.ffmpeg(args.toArray(String[]::new));
    }

    private static String localMediaPath() {
        return localMedia.toString();
    }

    private Path textFile(String text) throws IOException {
        // Unique bytes: the same content again would be looked up as a video it already is.
        return Files.writeString(media.file("pointing-" + UUID.randomUUID() + ".txt"),
                text + "#" + UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
    }

    private String createTusUpload(long length, String fileName) {
        HttpResponse<String> created = client.send("POST", "/api/uploads", HttpRequest.BodyPublishers.noBody(),
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(length),
                "Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, created.statusCode(), created.body());
        return URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = MediamillClient.json(response.body());
        assertNoServerPath(problem.getString("detail"));
        return problem;
    }

    private static void assertNoServerPath(String text) {
        for (String path : List.of(HOME.toString(), "incoming", ".upload", ".tus", "videos/", localMediaPath())) {
            assertFalse(text.contains(path), "names " + path + ": " + text);
        }
    }

    private long videoCount() {
        return MediamillClient.json(client.get("/api/videos?size=1").body()).getJsonNumber("total").longValue();
    }

    /** No video was made of the file: the count did not grow and no video has its content. */
    private void assertNoVideoOf(Path file, long videosBefore) throws IOException {
        String sha256;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        JsonObject page = MediamillClient.json(client.get("/api/videos?size=100").body());
        assertEquals(videosBefore, page.getJsonNumber("total").longValue(), "no video was created");
        assertTrue(page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .noneMatch(video -> sha256.equals(video.getString("sha256", null))), "no video has its content");
    }
}
