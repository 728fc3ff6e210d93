package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.ExifOrientation;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slideshows over HTTP: images of different sizes, formats and orientations and a sine track composed into a video
 * (the test server renders three images a batch, so four images make two batches joined by stream copy), checked by
 * its length, size, sound and pixels; and every kind of bad input refused, naming its part, leaving nothing behind.
 */
class CompositionIT {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();

    @AfterEach
    void refusedFilesAreNotKept() throws IOException {
        Path incoming = Path.of(System.getProperty("mediamill.it.home"), "media", "incoming");
        try (Stream<Path> files = Files.list(incoming)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".upload")).toList(), "spooled parts are removed");
        }
    }

    @Test
    void imagesAndMusicBecomeAVideoOfTheRightLengthSizeAndPictures() {
        Path red = image("red.jpg", "red", 640, 480);
        Path turned = turnedImage("turned.jpg");
        Path green = image("green.png", "green", 300, 500);
        Path blue = image("blue.webp", "blue", 400, 400);
        Path sine = media.ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "libmp3lame",
                media.file("sine.mp3").toString());
        Map<String, String> fields = sizeFields();
        fields.put("secondsPerImage", "1");
        fields.put("transition", "fade");
        fields.put("transitionSeconds", "0.3");
        fields.put("fit", "contain");
        fields.put("title", "Ёлка 新年 Sale");

        HttpResponse<String> answer = client.compose(fields, List.of(Map.entry("image", red), Map.entry("image", turned),
                Map.entry("image", green), Map.entry("image", blue), Map.entry("audio", sine)));

        assertEquals(201, answer.statusCode(), answer.body());
        String id = MediamillClient.json(answer.body()).getString("id");
        // Relative on WildFly, absolute on Payara.
        assertTrue(answer.headers().firstValue("Location").orElse("").endsWith("/api/videos/" + id), answer.headers().toString());
        JsonObject video = client.awaitReady(id);
        assertEquals("Ёлка 新年 Sale", video.getString("title"));
        assertEquals(WIDTH, video.getInt("width"), "the composed size is exact: " + video);
        assertEquals(HEIGHT, video.getInt("height"), "the composed size is exact: " + video);
        // 4 images of 1 s joined by 3 transitions of 0.3 s.
        assertEquals(4 * 1 - 3 * 0.3, video.getJsonNumber("durationSeconds").doubleValue(), 0.1, video.toString());

        String mp4 = client.baseUrl() + video.getString("mp4Url");
        double videoSeconds = Double.parseDouble(media.streamEntry(mp4, "v:0", "duration"));
        double audioSeconds = Double.parseDouble(media.streamEntry(mp4, "a:0", "duration"));
        assertEquals(videoSeconds, audioSeconds, 0.1, "the looped music lasts as long as the pictures");
        assertEquals("aac", media.streamEntry(mp4, "a:0", "codec_name"));

        // Each image in the middle of its time alone (30 frames each, transitions of 9: image i starts at frame 21·i).
        assertColour(new int[] {255, 0, 0}, media.pixel(mp4, 10 / 30.0, WIDTH / 2, HEIGHT / 4), "the red JPEG");
        assertColour(new int[] {255, 0, 255}, media.pixel(mp4, 36 / 30.0, WIDTH / 2, HEIGHT / 6), "upright: magenta on top");
        assertColour(new int[] {0, 255, 255}, media.pixel(mp4, 36 / 30.0, WIDTH / 2, HEIGHT * 5 / 6), "upright: cyan below");
        assertColour(new int[] {0, 0, 0}, media.pixel(mp4, 36 / 30.0, 10, HEIGHT / 2), "contained: black at the sides");
        assertColour(new int[] {0, 128, 0}, media.pixel(mp4, 57 / 30.0, WIDTH / 2, HEIGHT / 2), "the green PNG");
        assertColour(new int[] {0, 0, 255}, media.pixel(mp4, 82 / 30.0, WIDTH / 2, HEIGHT / 2), "the blue WebP");
        // The middle of the fade from red into the turned image is neither.
        int[] fading = media.pixel(mp4, 25 / 30.0, WIDTH / 2, HEIGHT / 6);
        assertTrue(distance(fading, new int[] {255, 0, 0}) > 60 && distance(fading, new int[] {255, 0, 255}) > 60,
                "mid-transition differs from both images: " + List.of(fading[0], fading[1], fading[2]));
        // The title band lies over the first image's lower part.
        int[] title = media.pixel(mp4, 10 / 30.0, WIDTH / 2, HEIGHT * 4 / 5);
        assertTrue(distance(title, new int[] {255, 0, 0}) > 60, "the title is drawn: " + List.of(title[0], title[1], title[2]));
    }

    @Test
    void kenBurnsWithoutMusicGetsASilentTrack() {
        // 800×600, its left eighth white: at 320×240 the white edge is at x = 40 until the zoom moves it out.
        Path first = media.ffmpeg("-f", "lavfi", "-i", "color=c=white:s=100x600", "-f", "lavfi", "-i",
                "color=c=black:s=700x600", "-filter_complex", "hstack", "-frames:v", "1", media.file("first.jpg").toString());
        Path second = image("second.png", "purple", 200, 300);
        Map<String, String> fields = sizeFields();
        fields.put("secondsPerImage", "1.5,1");
        fields.put("transition", "random");
        fields.put("kenBurns", "true");
        fields.put("fit", "contain");

        HttpResponse<String> answer = client.compose(fields, List.of(Map.entry("image", first), Map.entry("image", second)));

        assertEquals(201, answer.statusCode(), answer.body());
        JsonObject video = client.awaitReady(MediamillClient.json(answer.body()).getString("id"));
        assertEquals(1.5 + 1 - 0.5, video.getJsonNumber("durationSeconds").doubleValue(), 0.1, video.toString());
        String mp4 = client.baseUrl() + video.getString("mp4Url");
        assertEquals("aac", media.streamEntry(mp4, "a:0", "codec_name"), "a silent track, so players behave");
        // Zooming in about the centre (12 % over the image's 45 frames) pushes the white edge from x = 40 to about 30.
        assertColour(new int[] {255, 255, 255}, media.pixel(mp4, 0, 34, HEIGHT / 2), "white left of the edge at first");
        assertColour(new int[] {0, 0, 0}, media.pixel(mp4, 29 / 30.0, 34, HEIGHT / 2), "the zoom moved the edge past it");
    }

    @Test
    void tooFewImagesAreRefused() {
        assertRefused(compose(Map.of(), images(1)), "image", "takes 2 to 50 images");
    }

    @Test
    void tooManyImagesAreRefused() {
        assertRefused(compose(Map.of(), images(51)), "image", "at most 50 images");
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedByItsPlace() {
        List<Map.Entry<String, Path>> files = new ArrayList<>(images(2));
        files.add(1, Map.entry("image", media.text("notes.jpg")));

        JsonObject problem = assertRefused(compose(Map.of(), files), "image", "Image 2 (\"notes.jpg\")");

        assertTrue(problem.getString("detail").contains("not a JPEG, PNG or WebP image")
                || problem.getString("detail").contains("cannot be read as an image"), problem.toString());
    }

    @Test
    void hugeDimensionsAreRefused() throws IOException {
        Path huge = media.file("huge.png");
        // A PNG header declaring 50000×50000 pixels and no picture data.
        Files.write(huge, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, (byte) 0xc3, 0x50, 0, 0, (byte) 0xc3, 0x50, 8, 2, 0, 0, 0, 0, 0, 0, 0});
        List<Map.Entry<String, Path>> files = new ArrayList<>(images(2));
        files.add(Map.entry("image", huge));

        JsonObject problem = assertRefused(compose(Map.of(), files), "image", "Image 3 (\"huge.png\")");

        assertTrue(problem.getString("detail").contains("Invalid image size"), "ffprobe's reason: " + problem);
    }

    @Test
    void anUnknownTransitionIsRefused() {
        assertRefused(compose(Map.of("transition", "spin"), images(2)), "transition", "\"spin\" is not a transition");
    }

    @Test
    void zeroAndNegativeTimesAreRefused() {
        assertRefused(compose(Map.of("secondsPerImage", "0"), images(2)), "secondsPerImage", "above 0");
        assertRefused(compose(Map.of("secondsPerImage", "2,-1"), images(2)), "secondsPerImage", "above 0");
        assertRefused(compose(Map.of("transitionSeconds", "-0.5"), images(2)), "transitionSeconds", "above 0");
    }

    @Test
    void aTransitionLongerThanAnImagesTimeIsRefused() {
        assertRefused(compose(Map.of("secondsPerImage", "1", "transitionSeconds", "0.8"), images(3)),
                "transitionSeconds", "does not fit image 2");
    }

    @Test
    void audioThatIsNotAudioIsRefused() {
        List<Map.Entry<String, Path>> files = new ArrayList<>(images(2));
        files.add(Map.entry("audio", image("cover.png", "white", 64, 64)));

        assertRefused(compose(Map.of(), files), "audio", "The audio (\"cover.png\")");
    }

    private HttpResponse<String> compose(Map<String, String> extra, List<Map.Entry<String, Path>> files) {
        Map<String, String> fields = sizeFields();
        fields.putAll(extra);
        return client.compose(fields, files);
    }

    private JsonObject assertRefused(HttpResponse<String> answer, String part, String detail) {
        assertEquals(422, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = MediamillClient.json(answer.body());
        assertEquals(part, problem.getString("part"), problem.toString());
        assertTrue(problem.getString("detail").contains(detail), problem.toString());
        return problem;
    }

    private List<Map.Entry<String, Path>> images(int count) {
        List<Map.Entry<String, Path>> files = new ArrayList<>();
        Path one = image("small.png", "gray", 64, 48);
        for (int i = 0; i < count; i++) {
            files.add(Map.entry("image", one));
        }
        return files;
    }

    private static Map<String, String> sizeFields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("width", String.valueOf(WIDTH));
        fields.put("height", String.valueOf(HEIGHT));
        return fields;
    }

    /** A plain-coloured image, in the format its name says. */
    private Path image(String name, String colour, int width, int height) {
        return media.ffmpeg("-f", "lavfi", "-i", "color=c=" + colour + ":s=" + width + "x" + height, "-frames:v", "1",
                media.file(name).toString());
    }

    /**
     * A JPEG stored 640×480 (left half magenta, right half cyan) whose EXIF orientation (6) says to turn it a quarter
     * clockwise: upright it is 480×640, magenta on top.
     */
    private Path turnedImage(String name) {
        Path plain = media.ffmpeg("-f", "lavfi", "-i", "color=c=magenta:s=320x480", "-f", "lavfi", "-i",
                "color=c=cyan:s=320x480", "-filter_complex", "hstack", "-frames:v", "1", media.file("plain-" + name).toString());
        try {
            return ExifOrientation.write(plain, media.file(name), 6);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertColour(int[] expected, int[] actual, String what) {
        assertTrue(distance(expected, actual) < 60, what + ": expected about " + List.of(expected[0], expected[1], expected[2])
                + ", saw " + List.of(actual[0], actual[1], actual[2]));
    }

    private static int distance(int[] a, int[] b) {
        return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
    }
}
