package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What cannot become a video is refused at upload, by its content, with a problem naming file and reason. */
class UploadValidationIT {

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();

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
