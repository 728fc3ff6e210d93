package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.video.VideoStreamInfo;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload page's slideshow form in Debian's headless Chromium (src/test/node/slideshow.mjs): three images of
 * different formats, sizes and orientations, dragged into a new order, with a tone under them, become one video of
 * the chosen size, as long as the images' time less the transitions' overlap, showing the images in the dragged
 * order. Each image is one flat colour, so the centre of a frame tells which image is on screen.
 */
class SlideshowPageIT {

    /** What slideshow.mjs chooses on the form. */
    private static final double SECONDS_PER_IMAGE = 1;
    private static final double TRANSITION_SECONDS = 0.3;
    private static final int SIZE = 1080;
    private static final String TITLE = "Browser slideshow";

    @TempDir
    Path dir;

    private final TestMedia media = new TestMedia();

    @Test
    void imagesDraggedIntoOrderBecomeOneVideoOfTheChosenSizeAndLength() throws Exception {
        String password = "slideshow-" + UUID.randomUUID();
        String user = "slideshow-" + UUID.randomUUID().toString().substring(0, 8);
        new MediamillClient().createUser(user, password, "uploader");
        MediamillClient client = MediamillClient.signedInAs(user, password);
        Path red = image("landscape.jpg", "red", 640, 480);
        Path green = image("portrait.png", "lime", 300, 500);
        Path blue = image("square.webp", "blue", 400, 400, "-c:v", "libwebp");
        Path tone = media.ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=2",
                "-c:a", "libmp3lame", dir.resolve("tone.mp3").toString());
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Path script = Path.of(System.getProperty("mediamill.it.node"), "slideshow.mjs");

        String out = new CommonsExecProcessRunner().run(new ExternalCommand(List.of("node", script.toString(),
                client.baseUrl(), user, password, screenshots.toString(), tone.toString(), red.toString(),
                green.toString(), blue.toString())), Duration.ofMinutes(6)).stdout();
        JsonObject report = MediamillClient.json(out.lines().reduce((a, b) -> b).orElseThrow());

        // The page: refusals explained, the order dragged is the order sent, the row followed like an upload's.
        assertFalse(report.containsKey("pageError"), report.toString());
        assertTrue(report.getString("tooFewMessage").contains("at least 2 images"), report.toString());
        assertTrue(report.getString("refusalMessage").contains("does not fit image 2"), "the server's reason: " + report);
        assertTrue(report.getString("refusedRowReason").contains("does not fit image 2"), report.toString());
        assertEquals(List.of("square.webp", "landscape.jpg", "portrait.png"), strings(report, "order"));
        assertEquals("square.webp", report.getString("focusedItem"), "the focus stays on the item moved: " + report);
        assertEquals("3 images, about 2.4 s", report.getString("summary"));
        assertEquals(TITLE, report.getString("rowName"));
        assertTrue(report.getBoolean("posterShown"), report.toString());
        assertTrue(report.getBoolean("listClearedAfterSending"), report.toString());
        Map<String, String> sent = textParts(report);
        assertEquals(Map.of("title", TITLE, "secondsPerImage", "1", "transition", "wipeleft", "transitionSeconds", "0.3",
                "width", "1080", "height", "1080", "fit", "contain-blur", "kenBurns", "false"), sent, report.toString());
        assertEquals(List.of("tone.mp3"), files(report, "audio"));

        // The video the server made of it.
        String id = report.getString("videoId");
        JsonObject video = client.video(id);
        assertEquals("READY", video.getString("status"), video.toString());
        assertEquals(TITLE, video.getString("title"));
        assertEquals(3 * SECONDS_PER_IMAGE - 2 * TRANSITION_SECONDS, video.getJsonNumber("durationSeconds").doubleValue(), 0.1,
                "three images, two transitions overlapping their neighbours: " + video);
        assertEquals(SIZE, video.getInt("width"), video.toString());
        assertEquals(SIZE, video.getInt("height"), video.toString());
        assertInstanceOf(JsonString.class, video.get("audioCodec"), "the tone is the sound track: " + video);

        Path mp4 = client.download(video.getString("mp4Url"), dir.resolve(id + ".mp4"));
        VideoStreamInfo picture = media.probe(mp4).video();
        List<String> shown = new ArrayList<>();
        for (int image = 0; image < 3; image++) {
            shown.add(dominant(media.pixel(mp4.toString(), aloneAt(image, 3), picture.width() / 2, picture.height() / 2)));
        }
        assertEquals(List.of("blue", "red", "green"), shown, "the images play in the order they were dragged into");
    }

    /** A one-colour still image made by ffmpeg, at that size, its format chosen by the name or {@code codec}. */
    private Path image(String name, String colour, int width, int height, String... codec) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "color=c=" + colour + ":s=" + width + "x" + height,
                "-frames:v", "1"));
        args.addAll(List.of(codec));
        args.add(dir.resolve(name).toString());
        return media.ffmpeg(args.toArray(String[]::new));
    }

    /**
     * The middle of the time image {@code index} is on screen alone: each transition starts a transition's length
     * before its image's time is up, so image k comes in at k·(s − t) and is alone once that transition is over.
     */
    private static double aloneAt(int index, int count) {
        double step = SECONDS_PER_IMAGE - TRANSITION_SECONDS;
        double from = index * step + (index == 0 ? 0 : TRANSITION_SECONDS);
        double until = index == count - 1 ? count * step + TRANSITION_SECONDS : (index + 1) * step;
        return (from + until) / 2;
    }

    /** The colour that clearly dominates a pixel, or the pixel's values when none does (a transition, say). */
    private static String dominant(int[] rgb) {
        String[] names = {"red", "green", "blue"};
        for (int i = 0; i < 3; i++) {
            if (rgb[i] > 150 && rgb[(i + 1) % 3] < 100 && rgb[(i + 2) % 3] < 100) {
                return names[i];
            }
        }
        return Arrays.toString(rgb);
    }

    private static List<String> strings(JsonObject report, String key) {
        return report.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The text parts of the form the page sent, by name. */
    private static Map<String, String> textParts(JsonObject report) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (JsonObject part : report.getJsonArray("sentParts").getValuesAs(JsonObject.class)) {
            if (part.containsKey("value")) {
                assertNull(parts.put(part.getString("name"), part.getString("value")), "one part each: " + report);
            }
        }
        return parts;
    }

    /** The file names of the form's file parts called {@code name}, in the order sent. */
    private static List<String> files(JsonObject report, String name) {
        return report.getJsonArray("sentParts").getValuesAs(JsonObject.class).stream()
                .filter(part -> part.getString("name").equals(name) && part.containsKey("file"))
                .map(part -> part.getString("file")).toList();
    }
}
