package io.mediamill.drills;

import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The load drills: 200 wrk connections reading video JSON and playlists, first on a quiet node and then while
 * two transcodes run (side by side, so the cost of the transcodes shows); and 50 uploads of 20 MB at once, all of
 * which must be taken and become READY while the server's heap stays bounded.
 */
final class LoadDrills {

    private static final String GROUP = "load";
    private static final int CONNECTIONS = 200;
    private static final int UPLOADS = 50;
    private static final long UPLOAD_BYTES = 20_000_000;
    private static final double P99_GOAL_MILLIS = 50;

    private final DrillEnvironment environment;
    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();
    private final List<DrillResult> results = new ArrayList<>();

    LoadDrills(DrillEnvironment environment) {
        this.environment = environment;
    }

    /** The load drills' keys, for running one alone. */
    static final List<String> KEYS = List.of("readers", "uploads");

    List<DrillResult> run() {
        drill("readers", "readers while two transcodes run", "wrk: " + CONNECTIONS + " connections for "
                        + readSeconds() + " s over video JSON, HLS and DASH playlists; quiet, then beside two transcodes",
                "no errors (p99 goal < " + (int) P99_GOAL_MILLIS + " ms, measured)", this::readers);
        drill("uploads", "50 uploads at once", UPLOADS + " clients each POST a distinct " + UPLOAD_BYTES / 1_000_000
                + " MB video at the same moment", "all 201, all READY, heap bounded", this::uploads);
        return results;
    }

    private int readSeconds() {
        return environment.pick(15, 60);
    }

    private DrillResult.Saw readers() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = client.uploadVideo(media.mp4("load-read-" + i + "-" + System.nanoTime() + ".mp4", 640, 360, 3),
                    "load reader " + i);
            JsonObject video = client.awaitStatus(id, Set.of("READY", "FAILED"), Duration.ofMinutes(5));
            paths.add("/api/videos/" + id);
            paths.add(pathOf(video.getString("hlsUrl")));
            paths.add(pathOf(video.getString("dashUrl")));
        }
        paths.add("/api/videos?size=20");
        Wrk wrk = new Wrk(environment.baseUrl(), client.authorization(), environment.work());
        wrk.run(CONNECTIONS, 5, paths); // warms the JIT up, so that "quiet" is not "just started"
        Wrk.Run quiet = wrk.run(CONNECTIONS, readSeconds(), paths);

        List<String> transcodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            transcodes.add(client.uploadVideo(media.generate("load-transcode-" + i + "-" + System.nanoTime() + ".mp4",
                    1280, 720, readSeconds() * 2, true, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac"), "load transcode " + i));
        }
        awaitProcessing(transcodes);
        Wrk.Run loaded = wrk.run(CONNECTIONS, readSeconds(), paths);
        long stillProcessing = transcodes.stream().filter(id -> client.video(id).getString("status").equals("PROCESSING"))
                .count();
        for (String id : transcodes) {
            client.awaitStatus(id, Set.of("READY", "FAILED"), Duration.ofMinutes(10));
        }
        // The machine's own ceiling beside it: a static file, no credentials, no database, the same connections.
        Wrk.Run ceiling = new Wrk(environment.baseUrl(), null, environment.work())
                .run(CONNECTIONS, readSeconds(), List.of("/static/mediamill.css"));
        boolean clean = quiet.errors() == 0 && loaded.errors() == 0 && quiet.requests() > 0 && loaded.requests() > 0;
        String goal = loaded.p99Millis() < P99_GOAL_MILLIS ? "goal met" : "goal missed";
        return new DrillResult.Saw(clean && stillProcessing == 2, "quiet: " + quiet + "; beside two transcodes: "
                + loaded + " (" + goal + "; " + stillProcessing + " of 2 transcodes still running at the end); "
                + "a static file without credentials, for the ceiling: " + ceiling);
    }

    private void awaitProcessing(List<String> ids) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!ids.stream().allMatch(id -> client.video(id).getInt("progress") > 15)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the two transcodes did not both start: " + ids);
            }
            Thread.sleep(250);
        }
    }

    private DrillResult.Saw uploads() throws Exception {
        Path source = media.ffmpeg("-f", "lavfi", "-i", "nullsrc=size=640x360:rate=30,geq=lum='random(1)*255':cb=128:cr=128",
                "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p",
                "-fs", String.valueOf(UPLOAD_BYTES), media.file("load-upload-source.mp4").toString());
        List<Path> files = IntStream.range(0, UPLOADS).mapToObj(i -> media.ffmpeg("-i", source.toString(), "-c", "copy",
                "-metadata", "comment=load upload " + i + " " + System.nanoTime(),
                media.file("load-upload-" + i + ".mp4").toString())).toList();
        HeapWatch heap = HeapWatch.start(environment.node().jvmProcess().pid());
        List<HttpResponse<String>> answers = new ArrayList<>();
        Instant started = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(UPLOADS);
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                Path file = files.get(i);
                String title = "load upload " + i;
                pending.add(clients.submit(() -> client.upload(file, file.getFileName().toString(), title)));
            }
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }
        Duration uploading = Duration.between(started, Instant.now());
        long accepted = answers.stream().filter(answer -> answer.statusCode() == 201).count();
        List<String> refused = answers.stream().filter(answer -> answer.statusCode() != 201)
                .map(answer -> answer.statusCode() + " " + answer.body()).limit(3).toList();
        long ready = 0;
        List<String> notReady = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() != 201) {
                continue;
            }
            JsonObject video = client.awaitStatus(MediamillClient.json(answer.body()).getString("id"),
                    Set.of("READY", "FAILED"), Duration.ofMinutes(20));
            if (video.getString("status").equals("READY")) {
                ready++;
            } else {
                notReady.add(video.getString("id") + ": " + video.getString("error", ""));
            }
        }
        HeapWatch.Peak peak = heap.stop();
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        boolean bounded = peak.usedBytes() < total / 2;
        return new DrillResult.Saw(accepted == UPLOADS && ready == UPLOADS && bounded,
                accepted + " of " + UPLOADS + " taken in " + uploading.toSeconds() + " s (" + total / 1_000_000 + " MB), "
                        + ready + " READY" + (refused.isEmpty() ? "" : "; refused: " + refused)
                        + (notReady.isEmpty() ? "" : "; not READY: " + notReady) + "; server heap " + peak);
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private void drill(String key, String drill, String did, String expected, DrillResult.Body body) {
        if (environment.wants(GROUP, key)) {
            results.add(DrillResult.run(GROUP, drill, did, expected, body));
        }
    }
}
