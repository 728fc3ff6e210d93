package io.mediamill.bench;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures the processing queue, side by side in one run on the same kind of short videos (best of N rounds,
 * the two sides taking turns to go first, to damp a noisy machine):
 * <ol>
 *   <li>a batch uploaded all at once and left to the queue (first upload → last READY) ÷ the same number of
 *       videos fed by hand, each uploaded only once the one before is READY: what the queue costs over the work
 *       itself;</li>
 *   <li>takeover: a second node sharing the database and media volume is killed in the middle of a transcode;
 *       the time until the surviving node starts an attempt of that video, against the bound the heartbeats
 *       promise (4 missed heartbeats, the check for dead executions that runs every 2 heartbeats, a poll).</li>
 * </ol>
 * Needs the service running at {@code mediamill.baseUrl} with its home at {@code mediamill.home}, on a
 * database a second node can share (MariaDB).
 */
public final class QueueBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(20);
    private static final Set<String> FINISHED = Set.of("READY", "FAILED");
    /** Held, so that the level set on it lasts: the runner logs every command line; here only the figures matter. */
    private static final Logger COMMANDS = Logger.getLogger(CommonsExecProcessRunner.class.getName());

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();
    private final Path serverHome;
    private final String baseUrl;
    private final int videos;
    private final int rounds;

    private QueueBenchmark(Path serverHome, String baseUrl, int videos, int rounds) {
        this.serverHome = serverHome;
        this.baseUrl = baseUrl;
        this.videos = videos;
        this.rounds = rounds;
    }

    public static void main(String[] args) {
        COMMANDS.setLevel(Level.WARNING);
        new QueueBenchmark(Path.of(System.getProperty("mediamill.home", "target/bench-home")).toAbsolutePath(),
                System.getProperty("mediamill.baseUrl"),
                Integer.parseInt(System.getProperty("mediamill.bench.queueVideos", "20")),
                Integer.parseInt(System.getProperty("mediamill.bench.rounds", "3"))).run();
    }

    private void run() {
        System.out.printf(Locale.ROOT, "queue benchmark on %s, %d cores, %d worker(s) on this node%n",
                System.getProperty("mediamill.bench.server", "the server"), Runtime.getRuntime().availableProcessors(),
                workers());
        // One video first, so that neither side pays for the server's first job (class loading, JIT).
        awaitReady(client.uploadVideo(shortVideo("warm-up", 0), "warm-up"));

        double queuedSeconds = Double.MAX_VALUE;
        double byHandSeconds = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            List<Path> queued = batch("queued-" + round);
            List<Path> byHand = batch("by-hand-" + round);
            if (round % 2 == 0) {
                queuedSeconds = Math.min(queuedSeconds, throughQueue(queued));
                byHandSeconds = Math.min(byHandSeconds, oneAfterAnother(byHand));
            } else {
                byHandSeconds = Math.min(byHandSeconds, oneAfterAnother(byHand));
                queuedSeconds = Math.min(queuedSeconds, throughQueue(queued));
            }
        }
        System.out.printf(Locale.ROOT,
                "%d videos through the queue at once: %.1f s; one after another by hand: %.1f s (best of %d)%n",
                videos, queuedSeconds, byHandSeconds, rounds);
        System.out.printf(Locale.ROOT, "queue ÷ by hand: %.3f (goal ≤ 1.05)%n", queuedSeconds / byHandSeconds);

        takeover();
    }

    /** Distinct 2–4 s 640×360 videos (each carries a unique mark, so none is a duplicate of another). */
    private List<Path> batch(String name) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < videos; i++) {
            files.add(shortVideo(name + "-" + i, i));
        }
        return files;
    }

    private Path shortVideo(String name, int index) {
        return media.mp4("queue-" + name + ".mp4", 640, 360, 2 + index % 3);
    }

    private double throughQueue(List<Path> files) {
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ids.add(client.uploadVideo(files.get(i), "queued " + i));
        }
        ids.forEach(this::awaitReady);
        return (System.nanoTime() - start) / 1e9;
    }

    private double oneAfterAnother(List<Path> files) {
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            awaitReady(client.uploadVideo(files.get(i), "by hand " + i));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Kills a second node in the middle of a transcode and times the takeover by this one. */
    private void takeover() {
        ServerNode first = ServerNode.running(serverHome, baseUrl);
        int heartbeat = Integer.parseInt(first.setting("MEDIAMILL_HEARTBEAT_SECONDS", "15"));
        int poll = Integer.parseInt(first.setting("MEDIAMILL_QUEUE_POLL_SECONDS", "5"));
        int port = Integer.parseInt(baseUrl.replaceAll(".*:(\\d+).*", "$1"));
        ServerNode second = first.sibling(serverHome.resolveSibling(serverHome.getFileName() + "-node2"), port + 10);
        try {
            second = second.start();
            String id = client.at(second.baseUrl()).uploadVideo(
                    media.mp4("queue-takeover.mp4", 1280, 720, 30), "takeover");
            awaitAttemptStarted(id, second.nodeName());
            Instant crashed = Instant.now();
            second.crash();
            awaitAttemptStarted(id, first.nodeName());
            double seconds = Duration.between(crashed, Instant.now()).toMillis() / 1000.0;
            awaitReady(id);
            System.out.printf(Locale.ROOT,
                    "takeover after a node's death: %.1f s (heartbeat %d s; bound: 4 missed heartbeats, the check for"
                            + " dead nodes' tasks every 2 heartbeats, a poll: %d s)%n",
                    seconds, heartbeat, 6 * heartbeat + poll);
        } finally {
            second.stop();
        }
    }

    private void awaitAttemptStarted(String id, String node) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = client.get("/api/videos/" + id + "/attempts");
            JsonArray attempts = MediamillClient.json("{\"a\":" + response.body() + "}").getJsonArray("a");
            if (!attempts.isEmpty()) {
                JsonObject last = attempts.getJsonObject(attempts.size() - 1);
                if (node.equals(last.getString("node")) && "STARTED".equals(last.getString("status"))) {
                    return;
                }
            }
            pause();
        }
        throw new IllegalStateException("no attempt of video " + id + " started on " + node + " within " + LIMIT);
    }

    /** Polls often, so that the by-hand side does not lose time to the polling itself. */
    private void awaitReady(String id) {
        Instant deadline = Instant.now().plus(LIMIT);
        String status = client.video(id).getString("status");
        while (!FINISHED.contains(status)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("video " + id + " did not finish within " + LIMIT);
            }
            pause();
            status = client.video(id).getString("status");
        }
        if (!"READY".equals(status)) {
            throw new IllegalStateException("video " + id + " failed: " + client.video(id));
        }
    }

    private int workers() {
        JsonObject queue = MediamillClient.json(client.get("/api/jobs/queue").body());
        String node = queue.getString("node");
        return queue.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(each -> node.equals(each.getString("name"))).mapToInt(each -> each.getInt("workers"))
                .findFirst().orElseThrow();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
