package io.mediamill.bench;

import io.mediamill.domain.model.slideshow.Fit;
import io.mediamill.domain.model.slideshow.Slide;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import io.mediamill.domain.model.slideshow.SlideshowTimeline;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.SlideshowCommands;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.testing.MediamillClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures slideshow composition, side by side in one run (best of N rounds):
 * <ol>
 *   <li>{@code POST /api/compositions} sent → the composed source recorded (the video's progress reaches the
 *       composing share), through the service, which renders in batches and joins them ÷ the bare ffmpeg commands
 *       for the same inputs with every image in one graph (one render, then the same join with the music);</li>
 *   <li>the peak resident memory of ffmpeg composing 50 images of 12 megapixels: one graph holding all of them ÷
 *       the batches the service renders (the largest of them), by {@code /usr/bin/time}.</li>
 * </ol>
 */
public final class SlideshowBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(30);
    private static final Logger COMMANDS = Logger.getLogger(CommonsExecProcessRunner.class.getName());
    private static final int WIDTH = 1080;
    private static final int HEIGHT = 1920;

    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();
    private final SlideshowCommands commands = new SlideshowCommands("ffmpeg", "veryfast");
    private final MediamillClient client = new MediamillClient();
    private final Path work;
    private final int rounds;
    private final int images;
    private final int batchImages;
    private final int batchMegapixels;

    private SlideshowBenchmark(Path work, int rounds, int images, int batchImages, int batchMegapixels) {
        this.work = work;
        this.rounds = rounds;
        this.images = images;
        this.batchImages = batchImages;
        this.batchMegapixels = batchMegapixels;
    }

    public static void main(String[] args) throws Exception {
        COMMANDS.setLevel(Level.WARNING);
        new SlideshowBenchmark(Path.of(System.getProperty("mediamill.bench.work", "target/bench-slideshow")).toAbsolutePath(),
                Integer.parseInt(System.getProperty("mediamill.bench.rounds", "3")),
                Integer.parseInt(System.getProperty("mediamill.bench.slideshowImages", "12")),
                Integer.parseInt(System.getProperty("mediamill.bench.batchImages", "16")),
                Integer.parseInt(System.getProperty("mediamill.bench.batchMegapixels", "100"))).run();
    }

    private void run() throws IOException {
        MediaStorage.deleteTree(work);
        Files.createDirectories(work);
        List<Path> photos = photos("photo", images, 3000, 2000);
        Path music = ffmpeg("-f", "lavfi", "-i", "sine=frequency=330:duration=15", "-c:a", "libmp3lame",
                work.resolve("music.mp3").toString());
        double[] service = {Double.MAX_VALUE, 0};
        double bare = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            bare = Math.min(bare, bare(photos, music));
            double[] measured = service(photos, music);
            if (measured[0] < service[0]) {
                service = measured;
            }
            System.out.printf(Locale.ROOT, "round %d: service %.2f s (request %.2f s), bare %.2f s%n", round,
                    measured[0], measured[1], bare);
        }
        List<Path> large = photos("large", 50, 4000, 3000);
        long oneGraph = peakKilobytes(large, 50, Long.MAX_VALUE);
        long batched = peakKilobytes(large, batchImages, batchMegapixels * 1_000_000L);
        System.out.println();
        System.out.printf(Locale.ROOT, "slideshow of %d 6-MP images, %dx%d, 3 s each, 0.5 s fades, music: service %.2f s"
                + " ÷ bare one-graph ffmpeg %.2f s = %.3f (goal ≤ 1.05)%n", images, WIDTH, HEIGHT, service[0], bare,
                service[0] / bare);
        System.out.printf(Locale.ROOT, "  of which the request (upload, every image decoded and checked) %.2f s; the job"
                + " (201 → composed) %.2f s ÷ bare %.2f s = %.3f%n", service[1], service[0] - service[1], bare,
                (service[0] - service[1]) / bare);
        System.out.printf(Locale.ROOT, "peak RSS of ffmpeg, 50 images of 12 MP (1 s each): one graph %d MiB, batches of %d images"
                + " / %d MP %d MiB (%.2f)%n", oneGraph / 1024, batchImages, batchMegapixels, batched / 1024,
                (double) batched / oneGraph);
    }

    /** POST until the composed source is recorded, as the service reports it, and the request's own part of it. */
    private double[] service(List<Path> photos, Path music) {
        List<Map.Entry<String, Path>> files = new ArrayList<>();
        photos.forEach(photo -> files.add(Map.entry("image", photo)));
        files.add(Map.entry("audio", music));
        long start = System.nanoTime();
        HttpResponse<String> answer = client.compose(Map.of("transition", "fade", "width", String.valueOf(WIDTH),
                "height", String.valueOf(HEIGHT)), files);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("the composition was refused: " + answer.body());
        }
        double request = (System.nanoTime() - start) / 1e9;
        String id = MediamillClient.json(answer.body()).getString("id");
        while (true) {
            JsonObject video = client.video(id);
            if (video.getString("status").equals("FAILED")) {
                throw new IllegalStateException("the composition failed: " + video.getString("error"));
            }
            if (video.getInt("progress") >= 40 || video.getString("status").equals("READY")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                // Its processing goes on (pictures, ladder); the next bare run must not share the cores with it.
                client.awaitReady(id);
                return new double[] {seconds, request};
            }
            sleep();
        }
    }

    /** The same composition as one ffmpeg graph over every image, then the join with the music. */
    private double bare(List<Path> photos, Path music) {
        Path dir = fresh("bare");
        SlideshowPlan plan = plan(photos, 3, 0.5, music != null);
        long start = System.nanoTime();
        SlideshowTimeline.Batch all = plan.timeline().batches(photos.size(), Long.MAX_VALUE, i -> 0).get(0);
        Path rendered = dir.resolve("batch-00.mp4");
        runner.run(commands.batch(plan, all, fileOf(photos), null, Path.of("unused"), rendered), LIMIT);
        Path list = dir.resolve("batches.ffconcat");
        write(list, SlideshowCommands.batchList(List.of(rendered)));
        runner.run(commands.assemble(list, plan, plan.timeline().totalSeconds(), music, dir.resolve("out.mp4")), LIMIT);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The largest peak RSS (KiB) of the ffmpeg runs that render {@code photos} in batches so bounded. */
    private long peakKilobytes(List<Path> photos, int maxImages, long maxPixels) {
        Path dir = fresh("rss-" + maxImages);
        SlideshowPlan plan = plan(photos, 1, 0.25, false);
        long peak = 0;
        for (SlideshowTimeline.Batch batch : plan.timeline().batches(maxImages, maxPixels, i -> plan.slides().get(i).pixels())) {
            List<String> argv = new ArrayList<>(List.of("/usr/bin/time", "-f", "peak-rss-kb %M"));
            argv.addAll(commands.batch(plan, batch, fileOf(photos), null, Path.of("unused"),
                    dir.resolve("batch-" + batch.index() + ".mp4")).argv());
            String stderr = runner.run(new ExternalCommand(argv), LIMIT).stderrTail();
            String line = stderr.lines().filter(l -> l.startsWith("peak-rss-kb ")).reduce((a, b) -> b).orElseThrow();
            peak = Math.max(peak, Long.parseLong(line.substring("peak-rss-kb ".length()).strip()));
        }
        return peak;
    }

    private SlideshowPlan plan(List<Path> photos, double seconds, double transition, boolean music) {
        List<Slide> slides = new ArrayList<>();
        for (Path photo : photos) {
            String[] size = photo.getFileName().toString().split("-")[2].split("x");
            slides.add(new Slide(photo.getFileName().toString(), "jpeg_pipe", Integer.parseInt(size[0]),
                    Integer.parseInt(size[1]), 1, seconds));
        }
        return new SlideshowPlan(WIDTH, HEIGHT, Fit.CONTAIN_BLUR, "black", false, null, transition, slides,
                Collections.nCopies(photos.size() - 1, "fade"), music ? "music" : null, music ? "mp3" : null);
    }

    private static Function<Slide, Path> fileOf(List<Path> photos) {
        Path dir = photos.get(0).getParent();
        return slide -> dir.resolve(slide.file());
    }

    /** Photographs stand-ins: test patterns of different hue, as JPEGs named {@code <prefix>-<i>-<w>x<h>}. */
    private List<Path> photos(String prefix, int count, int width, int height) {
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            photos.add(ffmpeg("-f", "lavfi", "-i", "testsrc2=s=" + width + "x" + height + ",hue=h=" + (i * 29 % 360),
                    "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "3", "-f", "image2",
                    work.resolve(prefix + "-" + i + "-" + width + "x" + height).toString()));
        }
        return photos;
    }

    private Path ffmpeg(String... args) {
        List<String> argv = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        argv.addAll(List.of(args));
        runner.run(new ExternalCommand(argv), LIMIT);
        return Path.of(args[args.length - 1]);
    }

    private Path fresh(String name) {
        Path dir = work.resolve(name);
        MediaStorage.deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            // Often enough to be a small error on a composition of many seconds, seldom enough not to load the server.
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
