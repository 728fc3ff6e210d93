package io.mediamill.bench;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.SyncedNodes;
import io.mediamill.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The same kind of batch (20 distinct short videos uploaded at once) on one node, then on two nodes that keep
 * their volumes in sync with rsync, side by side in one run: wall time to the last READY, and to every file on
 * both volumes; and rsync's share of the two-node run (the time any transfer ran, and the CPU the receiving
 * daemons used). Each phase starts its nodes afresh on a database of their own, beside the benchmark instance.
 */
public final class ScaleOutBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(20);
    private static final Set<String> FINISHED = Set.of("READY", "FAILED");
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** Held, so that the level set on it lasts. */
    private static final Logger COMMANDS = Logger.getLogger(CommonsExecProcessRunner.class.getName());

    private final TestMedia media = new TestMedia();
    private final ServerNode instance;
    private final int basePort;
    private final String databaseUrl;
    private final int videos;

    private ScaleOutBenchmark(ServerNode instance, int basePort, String databaseUrl, int videos) {
        this.instance = instance;
        this.basePort = basePort;
        this.databaseUrl = databaseUrl;
        this.videos = videos;
    }

    public static void main(String[] args) throws Exception {
        COMMANDS.setLevel(Level.WARNING);
        String baseUrl = System.getProperty("mediamill.baseUrl");
        new ScaleOutBenchmark(ServerNode.running(Path.of(System.getProperty("mediamill.home")).toAbsolutePath(), baseUrl),
                Integer.parseInt(baseUrl.replaceAll(".*:(\\d+).*", "$1")), System.getProperty("mediamill.bench.scaleDbUrl"),
                Integer.parseInt(System.getProperty("mediamill.bench.queueVideos", "20"))).run();
    }

    private void run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "scale-out benchmark on %s, %d cores, %d videos%n",
                System.getProperty("mediamill.bench.server", "the server"), cores, videos);

        ServerNode alone = node("alone", 30, Map.of()).start();
        double oneNode;
        try {
            oneNode = batch(List.of(alone), "one").ready();
        } finally {
            alone.stop();
        }

        ServerNode a = node("a", 40, Map.of("b", basePort + 55)).start();
        ServerNode b = node("b", 50, Map.of("a", basePort + 45)).start();
        Batch two;
        RsyncActivity rsync = new RsyncActivity(List.of(a, b));
        try {
            rsync.start();
            two = batch(List.of(a, b), "two");
        } finally {
            rsync.stop();
            a.stop();
            b.stop();
        }
        System.out.printf(Locale.ROOT, "one node: last READY after %.1f s%n", oneNode);
        System.out.printf(Locale.ROOT, "two nodes: last READY after %.1f s, every file on both volumes after %.1f s%n",
                two.ready(), two.synced());
        System.out.printf(Locale.ROOT, "two nodes ÷ one node: %.3f to READY, %.3f with every file on both volumes%n",
                two.ready() / oneNode, two.synced() / oneNode);
        System.out.printf(Locale.ROOT, "rsync: a transfer ran during %.0f %% of the two-node run (%.1f s); the daemons "
                + "serving them used %.2f CPU seconds (%.1f %% of %d cores over the run)%n",
                100 * rsync.busySeconds() / two.synced(), rsync.busySeconds(), rsync.daemonCpuSeconds(),
                100 * rsync.daemonCpuSeconds() / (two.synced() * cores), cores);
        if (cores <= 2) {
            System.out.println("both nodes share these cores: what two nodes gain here comes from keeping the cores busy"
                    + " while one node's job is between ffmpeg runs, not from more cores; separate machines bring their own");
        }
    }

    private ServerNode node(String name, int offset, Map<String, Integer> peers) {
        return SyncedNodes.node(instance, instance.home().resolveSibling(instance.home().getFileName() + "-scale-" + name),
                "bench-" + name, basePort + offset, basePort + offset + 5,
                peers.entrySet().stream().collect(HashMap::new, (map, peer) -> map.put("bench-" + peer.getKey(),
                        peer.getValue()), Map::putAll), databaseUrl);
    }

    private record Batch(double ready, double synced) {
    }

    /** Uploads the batch spread over the nodes at once; times the last READY, then every file on every node. */
    private Batch batch(List<ServerNode> nodes, String name) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < videos; i++) {
            files.add(media.mp4("scale-" + name + "-" + i + ".mp4", 640, 360, 2 + i % 3));
        }
        MediamillClient admin = MediamillClient.basicAs("admin", MediamillClient.adminPassword());
        List<MediamillClient> clients = nodes.stream().map(node -> admin.at(node.baseUrl())).toList();
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ids.add(clients.get(i % clients.size()).uploadVideo(files.get(i), name + " " + i));
        }
        for (String id : ids) {
            awaitReady(clients.get(0), id);
        }
        double ready = (System.nanoTime() - start) / 1e9;
        for (String id : ids) {
            awaitOnEveryVolume(nodes, id);
        }
        return new Batch(ready, (System.nanoTime() - start) / 1e9);
    }

    private static void awaitReady(MediamillClient client, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(LIMIT);
        String status = client.video(id).getString("status");
        while (!FINISHED.contains(status)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("video " + id + " did not finish within " + LIMIT);
            }
            Thread.sleep(50);
            status = client.video(id).getString("status");
        }
        if (!"READY".equals(status)) {
            throw new IllegalStateException("video " + id + " failed: " + client.video(id));
        }
    }

    /** The download and the HLS master playlist (sent last) on every node's volume. */
    private static void awaitOnEveryVolume(List<ServerNode> nodes, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!nodes.stream().allMatch(node -> Files.exists(SyncedNodes.videoFolder(node, id).resolve("download.mp4"))
                && Files.exists(SyncedNodes.videoFolder(node, id).resolve("stream").resolve("master.m3u8")))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("video " + id + " did not reach every node within " + LIMIT);
            }
            Thread.sleep(50);
        }
    }

    /**
     * How long any rsync transfer ran (the machine's rsync clients, sampled), and the CPU the nodes' rsync daemons
     * spent serving them: a daemon's forked children are counted into its own totals as they end, so that side is
     * exact. The clients' side runs as children of the servers, among their ffmpeg runs, and is not split out.
     */
    private static final class RsyncActivity {

        private static final long SAMPLE_MILLIS = 20;
        private final List<Long> daemons;
        private volatile boolean running = true;
        private long busyNanos;
        private long lastSample;
        private long ticksAtStart;
        private long ticksAtEnd;
        private Thread sampler;

        RsyncActivity(List<ServerNode> nodes) throws IOException {
            daemons = new ArrayList<>();
            for (ServerNode node : nodes) {
                daemons.add(Long.parseLong(Files.readString(node.home().resolve("rsyncd.pid")).strip()));
            }
        }

        void start() {
            ticksAtStart = daemonTicks();
            lastSample = System.nanoTime();
            sampler = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rsync-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
            ticksAtEnd = daemonTicks();
        }

        private void sample() {
            boolean transferring = ProcessHandle.allProcesses().anyMatch(process -> process.info().command()
                    .map(command -> command.endsWith("/rsync")).orElse(false)
                    && read("/proc/" + process.pid() + "/cmdline").contains("--password-file"));
            long now = System.nanoTime();
            if (transferring) {
                busyNanos += now - lastSample;
            }
            lastSample = now;
        }

        /** User and system time of the daemons and of their children that ended (fields 14 to 17 of stat). */
        private long daemonTicks() {
            long ticks = 0;
            for (long pid : daemons) {
                String[] stat = read("/proc/" + pid + "/stat").replaceFirst(".*\\) ", "").split(" ");
                for (int field = 11; field <= 14 && stat.length > 14; field++) {
                    ticks += Long.parseLong(stat[field]);
                }
            }
            return ticks;
        }

        double busySeconds() {
            return busyNanos / 1e9;
        }

        double daemonCpuSeconds() {
            return (ticksAtEnd - ticksAtStart) / (double) CLOCK_TICKS_PER_SECOND;
        }

        private static String read(String file) {
            try {
                return new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8).replace('\0', ' ');
            } catch (IOException e) {
                return "";
            }
        }
    }
}
