package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.BadFiles;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What cannot become a video is refused at upload, by its content, with a problem naming file and reason. */
class UploadValidationIT {

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();
    private final BadFiles bad = new BadFiles(media);

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        Path incoming = Path.of(System.getProperty("mediamill.it.home"), "media", "incoming");
        try (Stream<Path> files = Files.list(incoming)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".upload")).toList(), "refused bytes are removed");
        }
    }

    @Test
    void textNamedLikeAVideoIsNotMedia() {
        JsonObject problem = refused(media.text("holiday.mp4"), "holiday.mp4", 422);

        assertTrue(problem.getString("detail").startsWith("The file \"holiday.mp4\" is not a video or audio file"), problem.toString());
        assertTrue(problem.getString("detail").contains("Invalid data found when processing input"), "ffprobe's reason: " + problem);
    }

    @Test
    void mediaWithoutVideoOrAudioIsRefused() throws IOException {
        Path subtitles = media.file("only-subtitles.mkv");
        Files.writeString(subtitles.resolveSibling("only-subtitles.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHello\n");
        media.ffmpeg("-i", subtitles.resolveSibling("only-subtitles.srt").toString(), "-c:s", "srt", subtitles.toString());

        JsonObject problem = refused(subtitles, "only-subtitles.mkv", 422);

        assertTrue(problem.getString("detail").contains("has no video or audio stream"), problem.toString());
    }

    @Test
    void tooLongIsRefused() {
        Path long61 = media.generate("too-long.mkv", 64, 64, 61, false, "-c:v", "libx264", "-preset", "ultrafast", "-r", "1");

        JsonObject problem = refused(long61, "too-long.mkv", 422);

        assertTrue(problem.getString("detail").contains("longer than the limit of 60 s"), problem.toString());
    }

    @Test
    void tooLargeIsRefusedWhileItArrives() throws IOException {
        Path big = media.file("too-large.mp4");
        long limit = Long.parseLong(System.getProperty("mediamill.it.uploadMaxBytes"));
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] block = new byte[1 << 20];
            new Random(1).nextBytes(block);
            for (long written = 0; written <= limit; written += block.length) {
                out.write(block);
            }
        }

        JsonObject problem = refused(big, "too-large.mp4", 413);

        assertTrue(problem.getString("detail").contains("larger than the limit of " + limit), problem.toString());
    }

    @Test
    void anMp4CutShortIsRefusedThoughItsIndexProbesWell() {
        JsonObject problem = refused(bad.cutInMdat("cut-short.mp4"), "cut-short.mp4", 422);

        assertTrue(problem.getString("detail").contains("ends early: its 'mdat' box needs"), problem.toString());
    }

    @Test
    void aCodecFfmpegCannotDecodeIsRefused() {
        JsonObject problem = refused(bad.unknownCodec("zzzz.mp4"), "zzzz.mp4", 422);

        assertTrue(problem.getString("detail").contains("video stream in a format ffmpeg cannot decode"), problem.toString());
    }

    @Test
    void aPictureWiderThan8kIsRefused() {
        JsonObject problem = refused(bad.tooWide("wide.mov"), "wide.mov", 422);

        assertTrue(problem.getString("detail").contains("8208x16 picture, larger than 8192 pixels a side"), problem.toString());
    }

    @Test
    void aFormWithoutItsClosingBoundaryIsRefusedAndNothingKept() throws IOException {
        String boundary = "cut-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] video = Files.readAllBytes(media.mp4("cut-form.mp4", 160, 120, 1));
        byte[] body = ByteBuffer.allocate(head.length + video.length).put(head).put(video).array();

        HttpResponse<String> answer = client.call("POST", "/api/videos", body, "Content-Type",
                "multipart/form-data; boundary=" + boundary);

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(MediamillClient.json(answer.body()).getString("detail").contains("ends before its closing boundary"),
                answer.body());
    }

    @Test
    void hostileAndForeignNamesAreKeptForDisplayOnly() {
        String id = MediamillClient.json(client.upload(media.mp4("names.mp4", 160, 120, 1),
                "../../etc/\u0007Видео 旅行 " + "x".repeat(300) + ".mp4", null).body()).getString("id");

        JsonObject video = client.awaitFinished(id);
        String fileName = video.getString("fileName");
        assertTrue(fileName.startsWith("Видео 旅行 x"), fileName);
        assertEquals(255, fileName.length());
        assertEquals("READY", video.getString("status"));
        assertTrue(video.getString("mp4Url").matches("/media/s/[^/]+/videos/[0-9a-f/-]+/download\\.mp4"),
                "stored under our own names only: " + video.getString("mp4Url"));
    }

    private JsonObject refused(Path file, String name, int status) {
        HttpResponse<String> response = client.upload(file, name, null);
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = MediamillClient.json(response.body());
        assertEquals(status, problem.getInt("status"));
        return problem;
    }
}
