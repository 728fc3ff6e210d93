package io.mediamill.bench;

import io.mediamill.application.AcceptedFormats;
import io.mediamill.domain.model.video.LadderPlan;
import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.SourceFacts;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.FfmpegCommands;
import io.mediamill.infrastructure.media.FfprobeCommands;
import io.mediamill.infrastructure.media.FfprobeJsonParser;
import io.mediamill.infrastructure.media.RunLimits;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.testing.MediamillClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Measures, side by side in one run on the same generated 1080p source (best of N rounds, to damp a noisy
 * machine):
 * <ol>
 *   <li>the ladder in one ffmpeg run ÷ one ffmpeg run per rung with the same settings;</li>
 *   <li>upload-complete → READY through the service ÷ the very ffmpeg/ffprobe commands the service ran for
 *       that video (taken from its log), run bare one after another;</li>
 *   <li>the fast path (the compliant source's own rung remuxed) ÷ encoding that rung.</li>
 * </ol>
 * Needs the service running at {@code mediamill.baseUrl} with its data under {@code mediamill.home}.
 */
public final class TranscodeBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(30);
    /** Held, so that the level set on it lasts. */
    private static final Logger COMMANDS = Logger.getLogger(CommonsExecProcessRunner.class.getName());

    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();
    private final FfmpegCommands ffmpeg = new FfmpegCommands("ffmpeg");
    private final MediamillClient client = new MediamillClient();
    private final Path work;
    private final Path serverHome;
    private final int rounds;
    private final double seconds;

    private TranscodeBenchmark(Path work, Path serverHome, int rounds, double seconds) {
        this.work = work;
        this.serverHome = serverHome;
        this.rounds = rounds;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        // The runner logs every command line; here only the figures matter.
        COMMANDS.setLevel(Level.WARNING);
        TranscodeBenchmark benchmark = new TranscodeBenchmark(
                Path.of(System.getProperty("mediamill.bench.work", "target/bench")).toAbsolutePath(),
                Path.of(System.getProperty("mediamill.home", "target/bench-home")).toAbsolutePath(),
                Integer.parseInt(System.getProperty("mediamill.bench.rounds", "3")),
                Double.parseDouble(System.getProperty("mediamill.bench.seconds", "10")));
        benchmark.run();
    }

    private void run() throws IOException {
        clean(work);
        Files.createDirectories(work);
        Path source = generate("source-1080p.mp4", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12",
                "-pix_fmt", "yuv420p", "-c:a", "aac");
        Path compliant = generate("compliant-1080p.mp4", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "4M",
                "-maxrate", "5M", "-bufsize", "10M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k");
        LadderPlan plan = LadderPlan.forSource(facts(source));
        LadderPlan compliantPlan = LadderPlan.forSource(facts(compliant));
        if (plan.fastPath() || !compliantPlan.fastPath()) {
            throw new IllegalStateException("the generated sources did not come out as intended: " + plan + " / " + compliantPlan);
        }

        System.out.printf(Locale.ROOT, "Mediamill transcode benchmark on %s: generated 1920x1080 25 fps source, %.1f s "
                + "(testsrc2 + sine), best of %d rounds, %d cores%n", System.getProperty("mediamill.bench.server", "the server"),
                seconds, rounds, Runtime.getRuntime().availableProcessors());
        warmUp();
        double ladder = Double.MAX_VALUE;
        double perRung = Double.MAX_VALUE;
        double service = Double.MAX_VALUE;
        double bare = Double.MAX_VALUE;
        double copied = Double.MAX_VALUE;
        double encoded = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            ladder = Math.min(ladder, time(() -> runLadder(source, plan, "ladder")));
            perRung = Math.min(perRung, time(() -> runPerRung(source, plan)));
            String[] videoId = new String[1];
            double throughService = uploadToReady(source, videoId);
            service = Math.min(service, throughService);
            bare = Math.min(bare, time(() -> replayBare(videoId[0])));
            // The same bytes again would be the same video: remove it so the next round processes anew.
            client.delete("/api/videos/" + videoId[0]);
            LadderPlan.Rung own = compliantPlan.rungs().get(0);
            copied = Math.min(copied, time(() -> runLadder(compliant, new LadderPlan(List.of(own), false), "copy")));
            encoded = Math.min(encoded, time(() -> runLadder(compliant,
                    new LadderPlan(List.of(new LadderPlan.Rung(own.profile(), false)), false), "encode")));
            System.out.printf(Locale.ROOT, "  round %d done%n", round);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-46s %10s %10s %7s %7s%n", "", "measured", "baseline", "ratio", "goal");
        row("ladder in one run ÷ one run per rung", ladder, perRung, "≤ 0.80");
        row("upload→READY via service ÷ same cmds bare", service, bare, "≤ 1.05");
        row("fast path ÷ full encode (compliant rung)", copied, encoded, "≤ 0.05");
    }

    /**
     * A fresh server compiles its upload and job code during the first videos it handles, on the cores ffmpeg
     * needs (over a CPU-second per video at first): a few short videos through the whole pipeline first, so the
     * service is measured as it runs, not as it starts.
     */
    private void warmUp() {
        int videos = Integer.getInteger("mediamill.bench.warmups", 6);
        Path clip = generateSized("warmup.mp4", "640x360", 2, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac");
        for (int i = 0; i < videos; i++) {
            // Each copy differs in its metadata, so the service does not take it for the same content.
            Path copy = work.resolve("warmup-" + i + ".mp4");
            runner.run(new ExternalCommand(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                    "-i", clip.toString(), "-c", "copy", "-metadata", "comment=warm-up " + i, copy.toString())), LIMIT);
            String[] videoId = new String[1];
            uploadToReady(copy, videoId);
            client.delete("/api/videos/" + videoId[0]);
        }
        System.out.printf(Locale.ROOT, "  warmed the service up with %d short videos%n", videos);
    }

    private Path generate(String name, String... codec) {
        return generateSized(name, "1920x1080", seconds, codec);
    }

    private Path generateSized(String name, String size, double duration, String... codec) {
        Path file = work.resolve(name);
        List<String> argv = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(duration)));
        argv.addAll(List.of(codec));
        argv.add(file.toString());
        runner.run(new ExternalCommand(argv), LIMIT);
        return file;
    }

    private SourceFacts facts(Path file) {
        MediaInfo info = new FfprobeJsonParser().parse(runner.run(new FfprobeCommands("ffprobe").probe(
                AcceptedFormats.upload(file)), LIMIT).stdout());
        return new SourceFacts(info.video().displayWidth(), info.video().displayHeight(), info.video().codec(),
                info.video().pixelFormat(), info.video().rotation(), info.bitRate(), info.hasAudio(),
                info.hasAudio() ? info.audio().codec() : null, false);
    }

    private void runLadder(Path source, LadderPlan plan, String name) {
        Path out = fresh(name);
        // Read as the service reads a probed MP4 source.
        runner.runWithProgress(ffmpeg.ladder(AcceptedFormats.source(source, "mov"), plan, null, out),
                new RunLimits(LIMIT, LIMIT), s -> { });
    }

    /** The same rungs with the same settings, one ffmpeg run (one decode) each; the audio goes with the first. */
    private void runPerRung(Path source, LadderPlan plan) {
        for (int i = 0; i < plan.rungs().size(); i++) {
            runLadder(source, new LadderPlan(List.of(plan.rungs().get(i)), plan.audio() && i == 0), "rung-" + i);
        }
    }

    /**
     * From the service's own clock: {@code createdAt} is set once the upload is stored, {@code updatedAt} when
     * READY is recorded. Polling is slow on purpose, so the client does not take CPU from ffmpeg.
     */
    private double uploadToReady(Path source, String[] videoId) {
        videoId[0] = client.uploadVideo(source, "benchmark");
        JsonObject video = client.video(videoId[0]);
        while (!video.getString("status").equals("READY")) {
            if (video.getString("status").equals("FAILED")) {
                throw new IllegalStateException("the benchmark video failed: " + video.getString("error"));
            }
            sleep();
            video = client.video(videoId[0]);
        }
        return Duration.between(Instant.parse(video.getString("createdAt")), Instant.parse(video.getString("updatedAt")))
                .toNanos() / 1e9;
    }

    /** Every ffmpeg/ffprobe command the service logged for the video, pointed at a scratch copy of its folder. */
    private void replayBare(String videoId) {
        MediaStorage storage = new MediaStorage(serverHome.resolve("media"));
        Path videoDir = storage.videoDir(videoId);
        Path scratch = fresh("bare");
        List<List<String>> commands = new ArrayList<>();
        try (Stream<String> log = Files.lines(serverHome.resolve("server/log/server.log"))) {
            log.filter(line -> line.contains("CommonsExecProcessRunner") && line.contains(videoId))
                    .map(TranscodeBenchmark::loggedMessage)
                    .map(command -> command.replace(videoDir.toString(), scratch.toString()))
                    .map(ShellWords::split)
                    .forEach(commands::add);
            Path original = storage.original(videoId);
            Files.copy(original, scratch.resolve(videoDir.relativize(original)));
            for (String dir : List.of("thumbnails", "storyboard", ".stream.part")) {
                Files.createDirectories(scratch.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (List<String> argv : commands) {
            if (argv.get(0).equals("ffmpeg") && argv.contains("-i") && argv.get(argv.indexOf("-i") + 1).endsWith(".m3u8")) {
                // the download reads the published stream folder
                relink(scratch);
            }
            runner.run(new ExternalCommand(argv), LIMIT);
        }
    }

    /**
     * The message of one server log line: after the thread in WildFly's format ({@code ... (thread) message}),
     * after the last bracketed field in Payara's ({@code [...] [levelValue: 800] message}).
     */
    static String loggedMessage(String line) {
        int payara = line.indexOf("[levelValue: ");
        if (payara >= 0) {
            return line.substring(line.indexOf("] ", payara) + 2);
        }
        return line.substring(line.indexOf(") ") + 2);
    }

    private static void relink(Path scratch) {
        Path published = scratch.resolve("stream");
        if (!Files.exists(published)) {
            try {
                Files.move(scratch.resolve(".stream.part"), published);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path fresh(String name) {
        Path dir = work.resolve(name);
        clean(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clean(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double time(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static void row(String name, double measured, double baseline, String goal) {
        System.out.printf(Locale.ROOT, "%-46s %9.2fs %9.2fs %7.3f %7s%n", name, measured, baseline, measured / baseline, goal);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
