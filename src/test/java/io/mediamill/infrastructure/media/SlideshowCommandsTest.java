package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.slideshow.Fit;
import io.mediamill.domain.model.slideshow.Slide;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import io.mediamill.domain.model.slideshow.SlideshowTimeline;
import io.mediamill.testing.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slideshow's ffmpeg runs: their arguments, and real renders of small images checked by ffprobe and pixels. */
class SlideshowCommandsTest {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Path FONT = Stream.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc")
            .map(Path::of).filter(Files::isRegularFile).findFirst()
            .orElse(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));

    private final SlideshowCommands commands = new SlideshowCommands("ffmpeg", "ultrafast");
    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();
    private final TestMedia media = new TestMedia();

    /** Quotes, colons, brackets, commas and semicolons: every character a filtergraph value must escape. */
    @TempDir
    Path root;

    @Test
    void eachImageIsReadByItsOwnDemuxerWithFfmpegsTurningSwitchedOff() {
        SlideshowPlan plan = plan(320, 240, Fit.CONTAIN, false, null, List.of("wipeleft", "fade"),
                slide("image-00", "jpeg_pipe", 1), slide("image-01", "png_pipe", 1), slide("image-02", "webp_pipe", 1));
        SlideshowTimeline.Batch batch = plan.timeline().batches(16, Long.MAX_VALUE, slide -> 1).get(0);

        List<String> argv = commands.batch(plan, batch, slide -> root.resolve(slide.file()), null, FONT,
                root.resolve("batch-00.mp4")).argv();

        assertEquals(3, Collections.frequency(argv, "-noautorotate"));
        assertEquals(3, Collections.frequency(argv, "jpeg_pipe,png_pipe,webp_pipe"));
        assertTrue(argv.containsAll(List.of("png_pipe", "webp_pipe", "-an")), argv.toString());
        String graph = argv.get(argv.indexOf("-filter_complex") + 1);
        assertTrue(graph.contains("[c0][c1]xfade=transition=wipeleft:duration=0.5:offset=2.5[x1]"), graph);
        assertTrue(graph.contains("[x1][c2]xfade=transition=fade:duration=0.5:offset=5[out]"), graph);
        assertEquals(String.valueOf(3 * 90 - 2 * 15), argv.get(argv.indexOf("-frames:v") + 1));
    }

    @Test
    void withoutMusicTheSoundIsSilence() {
        SlideshowPlan plan = plan(320, 240, Fit.CONTAIN, false, null, List.of("fade"),
                slide("image-00", "jpeg_pipe", 1), slide("image-01", "png_pipe", 1));

        List<String> argv = commands.assemble(root.resolve("batches.txt"), plan, 5.5, null, root.resolve("out.mp4")).argv();

        String sound = argv.get(argv.indexOf("-filter_complex") + 1);
        assertEquals("anullsrc=r=48000:cl=stereo,atrim=end=5.5[a]", sound);
        assertTrue(argv.containsAll(List.of("-c:v", "copy", "-c:a", "aac")), argv.toString());
    }

    @Test
    void everyExifOrientationComesOutUpright() throws IOException {
        // Stored 64x32: a red square top left, a green one top right, the rest blue.
        Path stored = media.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=64x32", "-vf",
                "drawbox=x=0:y=0:w=16:h=16:c=red:t=fill,drawbox=x=48:y=0:w=16:h=16:c=green:t=fill",
                "-frames:v", "1", media.file("orientation-" + System.nanoTime() + ".png").toString());
        // Where the stored top-left (red) and top-right (green) corners are seen once upright, per EXIF.
        String[][] corners = {null, {"TL", "TR"}, {"TR", "TL"}, {"BR", "BL"}, {"BL", "BR"},
            {"TL", "BL"}, {"TR", "BR"}, {"BR", "TR"}, {"BL", "TL"}};

        for (int exif = 1; exif <= 8; exif++) {
            String filter = SlideshowCommands.orientation(exif);
            Path raw = root.resolve("upright-" + exif + ".rgb");
            media.ffmpeg("-i", stored.toString(), "-vf", filter.isEmpty() ? "null" : filter, "-f", "rawvideo",
                    "-pix_fmt", "rgb24", raw.toString());
            byte[] rgb = Files.readAllBytes(raw);
            int width = exif >= 5 ? 32 : 64;
            int height = rgb.length / 3 / width;

            assertEquals(exif >= 5 ? 64 : 32, height, "orientation " + exif + " turns a quarter from 5 on");
            assertEquals("red", colourAt(rgb, width, height, corners[exif][0]), "red corner, orientation " + exif);
            assertEquals("green", colourAt(rgb, width, height, corners[exif][1]), "green corner, orientation " + exif);
        }
    }

    @Test
    void batchesJoinedByStreamCopyMakeOneSlideshowWithTitleAndLoopedMusic() throws IOException {
        Path dir = Files.createDirectories(root.resolve("shop's [new]: a,b;c"));
        images(dir, "red", 640, 480, "green", 300, 600, "blue", 400, 400);
        Path titleText = Files.writeString(dir.resolve("title's: [1],2;3"), "Sale Распродажа 特卖");
        Path font = Files.createSymbolicLink(dir.resolve("font's [x]: y,z;.ttc"), FONT);
        Path music = media.ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "libmp3lame",
                "-f", "mp3", dir.resolve("music").toString());
        SlideshowPlan plan = new SlideshowPlan(320, 240, Fit.CONTAIN_BLUR, "black", false, "Sale Распродажа 特卖", 0.4,
                List.of(slide("image-00", "jpeg_pipe", 1.0), slide("image-01", "png_pipe", 1.0),
                        slide("image-02", "webp_pipe", 1.0)), List.of("wipeleft", "circleopen"), "music", "mp3");

        Path video = render(plan, dir, titleText, font, music);

        JsonObject probe = probe(video);
        JsonObject picture = stream(probe, "video");
        assertEquals(320, picture.getInt("width"));
        assertEquals(240, picture.getInt("height"));
        assertEquals(String.valueOf(plan.timeline().totalFrames()), picture.getString("nb_read_frames"),
                "3 × 30 frames less two transitions of 12");
        assertEquals(3 * 1.0 - 2 * 0.4, seconds(picture), 0.05);
        JsonObject sound = stream(probe, "audio");
        assertEquals("aac", sound.getString("codec_name"));
        assertEquals(seconds(picture), seconds(sound), 0.1, "the one-second tune is looped to the video's length");
        // Image 1 is alone on screen from frame 30 to 36: its middle is green (the fitted image covers the centre).
        int[] middle = media.pixel(video.toString(), 33 / 30.0, 158, 118);
        assertTrue(middle[1] > 90 && middle[0] < 50 && middle[2] < 50, "green: " + List.of(middle[0], middle[1], middle[2]));
    }

    @Test
    void kenBurnsImagesSplitBetweenBatchesKeepEveryFrame() throws IOException {
        Path dir = Files.createDirectories(root.resolve("ken-burns"));
        images(dir, "yellow", 800, 600, "purple", 600, 800, "white", 500, 500);
        SlideshowPlan plan = new SlideshowPlan(240, 320, Fit.COVER, "black", true, null, 0.5,
                List.of(slide("image-00", "jpeg_pipe", 1.5), slide("image-01", "png_pipe", 1.2),
                        slide("image-02", "webp_pipe", 1.0)), List.of("slideup", "dissolve"), null, null);

        Path video = render(plan, dir, null, FONT, null);

        JsonObject picture = stream(probe(video), "video");
        assertEquals(240, picture.getInt("width"));
        assertEquals(320, picture.getInt("height"));
        assertEquals(String.valueOf(plan.timeline().totalFrames()), picture.getString("nb_read_frames"));
        assertEquals("aac", stream(probe(video), "audio").getString("codec_name"), "silence, but a sound track");
    }

    /** Renders the plan two images a batch and joins the batches, as the composer does. */
    private Path render(SlideshowPlan plan, Path dir, Path titleText, Path font, Path music) throws IOException {
        List<SlideshowTimeline.Batch> batches = plan.timeline().batches(2, Long.MAX_VALUE, slide -> 1);
        assertEquals(2, batches.size());
        List<Path> outputs = new ArrayList<>();
        for (SlideshowTimeline.Batch batch : batches) {
            Path output = dir.resolve("batch-" + batch.index() + ".mp4");
            runner.run(commands.batch(plan, batch, slide -> dir.resolve(slide.file()), titleText, font, output), LIMIT);
            outputs.add(output);
        }
        Path list = Files.writeString(dir.resolve("batches.txt"), SlideshowCommands.batchList(outputs));
        Path video = dir.resolve("slideshow.mp4");
        runner.run(commands.assemble(list, plan, plan.timeline().totalSeconds(), music, video), LIMIT);
        return video;
    }

    /** Three plain images named as the composition folder names them: a JPEG, a PNG and a WebP. */
    private void images(Path dir, String c0, int w0, int h0, String c1, int w1, int h1, String c2, int w2, int h2) {
        image(dir.resolve("image-00"), c0, w0, h0, "mjpeg", "mjpeg");
        image(dir.resolve("image-01"), c1, w1, h1, "png", "image2pipe");
        image(dir.resolve("image-02"), c2, w2, h2, "libwebp", "webp");
    }

    private void image(Path file, String colour, int width, int height, String codec, String format) {
        media.ffmpeg("-f", "lavfi", "-i", "color=c=" + colour + ":s=" + width + "x" + height, "-frames:v", "1",
                "-c:v", codec, "-f", format, file.toString());
    }

    private JsonObject probe(Path video) {
        String json = runner.run(new ExternalCommand(List.of("ffprobe", "-v", "error", "-count_frames", "-of", "json",
                "-show_entries", "stream=codec_type,codec_name,width,height,duration,nb_read_frames", video.toString())),
                LIMIT).stdout();
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonObject stream(JsonObject probe, String type) {
        return probe.getJsonArray("streams").getValuesAs(JsonObject.class).stream()
                .filter(stream -> type.equals(stream.getString("codec_type"))).findFirst().orElseThrow();
    }

    private static double seconds(JsonObject stream) {
        return Double.parseDouble(stream.getString("duration"));
    }

    private static String colourAt(byte[] rgb, int width, int height, String corner) {
        int x = corner.endsWith("L") ? 8 : width - 9;
        int y = corner.startsWith("T") ? 8 : height - 9;
        int at = (y * width + x) * 3;
        int r = rgb[at] & 0xFF;
        int g = rgb[at + 1] & 0xFF;
        int b = rgb[at + 2] & 0xFF;
        return r > 150 && g < 80 && b < 80 ? "red" : g > 90 && r < 80 && b < 80 ? "green" : b > 150 && r < 80 ? "blue" : "other";
    }

    private static Slide slide(String file, String format, double seconds) {
        return new Slide(file, format, 640, 480, 1, seconds);
    }

    private static SlideshowPlan plan(int width, int height, Fit fit, boolean kenBurns, String title,
                                      List<String> transitions, Slide... slides) {
        return new SlideshowPlan(width, height, fit, "black", kenBurns, title, 0.5,
                List.of(slides).stream().map(s -> new Slide(s.file(), s.format(), s.width(), s.height(), 1, 3)).toList(),
                transitions, null, null);
    }
}
