package io.mediamill.interfaces.batch.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transcode pipeline end to end: every input kind, the stream it makes, and how the job behaves. */
class TranscodePipelineIT {

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();

    static Stream<Arguments> inputKinds() {
        return Stream.of(
                Arguments.of("mp4-h264-aac.mp4", 320, 240, new String[] {"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"}),
                Arguments.of("mov-h264-aac.mov", 320, 240, new String[] {"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"}),
                Arguments.of("mkv-h264-opus.mkv", 320, 240, new String[] {"-c:v", "libx264", "-preset", "ultrafast", "-c:a", "libopus"}),
                Arguments.of("webm-vp9-opus.webm", 320, 240, new String[] {"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus"}),
                Arguments.of("avi-mpeg4-mp3.avi", 320, 240, new String[] {"-c:v", "mpeg4", "-c:a", "libmp3lame"}),
                Arguments.of("avi-mjpeg-pcm.avi", 320, 240, new String[] {"-c:v", "mjpeg", "-pix_fmt", "yuvj420p", "-c:a", "pcm_s16le"}),
                Arguments.of("ts-h264-aac.ts", 320, 240, new String[] {"-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-f", "mpegts"}),
                Arguments.of("flv-sorenson-mp3.flv", 320, 240, new String[] {"-c:v", "flv", "-c:a", "libmp3lame", "-ar", "44100"}),
                Arguments.of("3gp-h263-aac.3gp", 176, 144, new String[] {"-c:v", "h263", "-c:a", "aac", "-ac", "1", "-ar", "16000"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputKinds")
    void everyInputKindBecomesAPlayableStream(String name, int width, int height, String[] codecArgs) {
        Path source = media.generate(name, width, height, 3, true, codecArgs);

        JsonObject video = ready(client.uploadVideo(source, null));

        assertEquals(width, video.getInt("width"));
        assertEquals(height, video.getInt("height"));
        assertPlayable(video, height);
        assertTrue(audioRendition(video), "an audio rendition");
    }

    @Test
    void segmentsAreAboutFourSecondsAndAlignedAcrossRungs() throws IOException {
        JsonObject video = ready(client.uploadVideo(media.generate("nine-seconds.mp4", 640, 360, 9.5, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), null));

        List<List<Double>> durations = new ArrayList<>();
        for (JsonObject rendition : renditions(video, "VIDEO")) {
            durations.add(segmentDurations(client.get(rendition.getString("url")).body()));
        }
        List<Double> top = durations.get(0);
        assertEquals(3, top.size(), top.toString());
        for (double segment : top.subList(0, top.size() - 1)) {
            assertEquals(4.0, segment, 0.3);
        }
        for (List<Double> other : durations) {
            assertEquals(top, other, "every rung cut at the same points");
        }
        assertPlayable(video, 360);
    }

    @Test
    void rotatedPortraitVideoIsDeliveredUpright() {
        Path landscape = media.generate("landscape.mp4", 640, 360, 3, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        Path rotated = media.ffmpeg("-i", landscape.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90",
                media.file("rotated-portrait.mp4").toString());

        JsonObject video = ready(client.uploadVideo(rotated, null));

        assertEquals(360, video.getInt("width"));
        assertEquals(640, video.getInt("height"));
        assertPlayable(video, 640);
        String top = client.baseUrl() + renditions(video, "VIDEO").get(0).getString("url");
        MediaInfo info = media.probeUrl(top);
        assertEquals(480, info.video().height());
        assertEquals(270, info.video().width());
        assertEquals(0, info.video().rotation(), "pixels turned, no rotation left for players to apply");
    }

    @Test
    void oddDimensionsVariableFrameRateAndSilence() {
        JsonObject odd = ready(client.uploadVideo(media.generate("odd-321x241.mkv", 321, 241, 3, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"), null));
        assertPlayable(odd, 241);
        assertEquals(List.of(240), renditions(odd, "VIDEO").stream().map(r -> r.getInt("height")).toList());
        assertEquals(0, renditions(odd, "VIDEO").get(0).getInt("width") % 2);

        Path constant = media.generate("constant.mkv", 320, 240, 4, true, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
        Path variable = media.ffmpeg("-i", constant.toString(), "-vf", "select='not(between(n\\,20\\,60))'",
                "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "copy", media.file("vfr.mkv").toString());
        assertPlayable(ready(client.uploadVideo(variable, null)), 240);

        JsonObject silent = ready(client.uploadVideo(media.generate("silent.mp4", 320, 240, 3, false,
                "-c:v", "libx264", "-preset", "ultrafast"), null));
        assertPlayable(silent, 240);
        assertFalse(audioRendition(silent));
        assertFalse(media.probeUrl(client.baseUrl() + silent.getString("mp4Url")).hasAudio());
    }

    @Test
    void audioOnlyFileGetsAnAudioStreamAndAWaveformPoster() {
        Path mp3 = media.ffmpeg("-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100", "-t", "5",
                "-c:a", "libmp3lame", media.file("song.mp3").toString());

        JsonObject video = ready(client.uploadVideo(mp3, null));

        assertEquals(List.of("AUDIO"), video.getJsonArray("renditions").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("kind")).toList());
        MediaInfo download = media.probeUrl(client.baseUrl() + video.getString("mp4Url"));
        assertFalse(download.hasVideo());
        assertEquals("aac", download.audio().codec());
        assertEquals(5.0, download.durationSeconds(), 0.2);
        assertEquals("mjpeg", media.probeUrl(client.baseUrl() + video.getString("posterUrl")).video().codec());
        media.decodeFully(client.baseUrl() + video.getString("hlsUrl"));
        media.decodeFully(client.baseUrl() + video.getString("dashUrl"));
    }

    @Test
    void compliantSourceIsRemuxedForItsOwnRungInsteadOfReencoded() {
        // ultrafast x264 writes Constrained Baseline; the service's own encodes are High profile.
        Path compliant = media.generate("compliant.mp4", 640, 360, 3, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-b:v", "600k", "-maxrate", "700k",
                "-bufsize", "1400k", "-c:a", "aac", "-b:a", "96k");

        JsonObject video = ready(client.uploadVideo(compliant, null));

        List<JsonObject> rungs = renditions(video, "VIDEO");
        assertEquals(List.of(360, 240), rungs.stream().map(r -> r.getInt("height")).toList());
        assertEquals("Constrained Baseline", media.streamEntry(client.baseUrl() + rungs.get(0).getString("url"), "v:0", "profile"));
        assertEquals("High", media.streamEntry(client.baseUrl() + rungs.get(1).getString("url"), "v:0", "profile"));
        assertPlayable(video, 360);
    }

    @Test
    void watermarkIsOverlaidOnEveryVideoRendition() {
        Path source = media.generate("to-watermark.mp4", 640, 360, 3, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        Path png = media.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x64", "-frames:v", "1", media.file("mark.png").toString());

        HttpResponse<String> created = client.uploadForm(Map.of("watermarkCorner", "top-right", "watermarkMargin", "10",
                "watermarkOpacity", "1"), Map.of("file", source, "watermark", png));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject video = ready(MediamillClient.json(created.body()).getString("id"));

        for (JsonObject rung : renditions(video, "VIDEO")) {
            double scale = rung.getInt("height") / 360.0;
            int x = (int) ((640 - 10 - 32) * scale);
            int y = (int) ((10 + 32) * scale);
            int[] rgb = media.pixel(client.baseUrl() + rung.getString("url"), 1.0, x, y);
            assertTrue(rgb[0] > 180 && rgb[1] < 90 && rgb[2] < 90, rung.getInt("height") + "p at " + x + "," + y
                    + " is " + rgb[0] + "," + rgb[1] + "," + rgb[2]);
        }
        HttpResponse<String> notPng = client.uploadForm(Map.of(), Map.of("file", source, "watermark", source));
        assertEquals(400, notPng.statusCode());
        assertTrue(notPng.body().contains("PNG"), notPng.body());
    }

    @Test
    void storyboardSpriteAndTrackLineUp() {
        JsonObject video = ready(client.uploadVideo(media.generate("storyboard.mp4", 640, 360, 6, false,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"), null));

        String vtt = client.get(video.getString("storyboardUrl")).body();
        assertTrue(vtt.startsWith("WEBVTT"), vtt);
        assertEquals(6, vtt.lines().filter(line -> line.contains("#xywh=")).count(), vtt);
        assertTrue(vtt.contains("00:00:05.000 --> 00:00:06.000\nsprite.jpg#xywh=800,0,160,90"), vtt);
        String spriteUrl = video.getString("storyboardUrl").replace("storyboard.vtt", "sprite.jpg");
        MediaInfo sprite = media.probeUrl(client.baseUrl() + spriteUrl);
        assertEquals(960, sprite.video().width());
        assertEquals(90, sprite.video().height());
    }

    @Test
    void progressIsPushedAsServerSentEventsUntilReady() {
        String id = client.uploadVideo(media.generate("events.mp4", 1280, 720, 8, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), null);

        List<JsonObject> events = client.events("/api/videos/" + id + "/events");

        JsonObject last = events.get(events.size() - 1);
        assertEquals("READY", last.getString("status"), events.toString());
        assertEquals(100, last.getInt("progress"));
        List<Integer> progress = events.stream().map(e -> e.getInt("progress")).toList();
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
        }
        assertTrue(progress.stream().anyMatch(p -> p > 15 && p < 95), "ffmpeg's progress during the ladder: " + progress);
        assertEquals(100, client.video(id).getInt("progress"));
    }

    @Test
    void restartAfterAFailureRedoesOnlyTheUnfinishedItems() throws Exception {
        String id = client.uploadVideo(media.generate("restart.mp4", 640, 360, 5, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), null);
        // A folder where the download must go makes that last item fail, after the pictures and the ladder.
        Path dir = videoDir(id);
        Path blocker = Files.createDirectories(dir.resolve("download.mp4").resolve("blocker"));

        JsonObject failed = client.awaitFinished(id);
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("error").startsWith("renditions: "), failed.getString("error"));
        Map<String, FileTime> before = modificationTimes(dir);
        assertTrue(before.keySet().stream().anyMatch(f -> f.startsWith("stream/seg-0-")), before.toString());
        assertTrue(before.containsKey("thumbnails/0.jpg"), before.toString());

        Files.delete(blocker);
        Files.delete(blocker.getParent());
        HttpResponse<String> restarted = client.post("/api/videos/" + id + "/restart");
        assertEquals(202, restarted.statusCode(), restarted.body());
        JsonObject ready = ready(id);

        Map<String, FileTime> after = modificationTimes(dir);
        before.forEach((file, time) -> assertEquals(time, after.get(file), file + " was made again"));
        assertTrue(after.containsKey("download.mp4"));
        assertPlayable(ready, 360);
        assertEquals(409, client.post("/api/videos/" + id + "/restart").statusCode(), "only a failed video restarts");
    }

    private JsonObject ready(String id) {
        return client.awaitReady(id);
    }

    /** HLS master, DASH manifest and every media playlist parse; master, manifest and download decode. */
    private void assertPlayable(JsonObject video, int sourceHeight) {
        String base = client.baseUrl();
        MediaInfo hls = media.probeUrl(base + video.getString("hlsUrl"));
        MediaInfo dash = media.probeUrl(base + video.getString("dashUrl"));
        assertTrue(hls.hasVideo() && dash.hasVideo(), video.toString());
        for (JsonObject rendition : renditions(video, "VIDEO")) {
            assertTrue(rendition.getInt("height") <= sourceHeight, "never taller than the source: " + rendition);
            assertEquals(rendition.getInt("height"), media.probeUrl(base + rendition.getString("url")).video().height());
        }
        media.decodeFully(base + video.getString("hlsUrl"));
        media.decodeFully(base + video.getString("dashUrl"));
        media.decodeFully(base + video.getString("mp4Url"));
        assertEquals("mjpeg", media.probeUrl(base + video.getString("posterUrl")).video().codec());
    }

    private static List<JsonObject> renditions(JsonObject video, String kind) {
        return video.getJsonArray("renditions").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("kind").equals(kind)).toList();
    }

    private static boolean audioRendition(JsonObject video) {
        return !renditions(video, "AUDIO").isEmpty();
    }

    private static List<Double> segmentDurations(String playlist) {
        return playlist.lines().filter(line -> line.startsWith("#EXTINF:"))
                .map(line -> Double.parseDouble(line.substring(8, line.indexOf(',')))).toList();
    }

    private static Path videoDir(String id) {
        return new MediaStorage(Path.of(System.getProperty("mediamill.it.home"), "media")).videoDir(id);
    }

    private static Map<String, FileTime> modificationTimes(Path dir) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(dir.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
