package io.mediamill.drills;

import io.mediamill.testing.Await;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.SyncedNodes;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Two nodes that keep their volumes in sync with rsync, on a database of their own: the node running a job is
 * killed with its volume (the other takes the job over, the killed one catches up once back), and then the
 * rsync runs that copy a finished video to the peer are SIGKILLed mid-transfer (later runs must still leave both
 * volumes byte-identical, with nothing half-copied).
 */
final class TwoNodeDrill {

    private static final String GROUP = "fault";
    private static final Duration LONG = Duration.ofMinutes(8);

    private final DrillEnvironment environment;
    private final TestMedia media = new TestMedia();
    private ServerNode a;
    private ServerNode b;

    TwoNodeDrill(DrillEnvironment environment) {
        this.environment = environment;
    }

    List<DrillResult> run() {
        List<DrillResult> results = new ArrayList<>();
        try {
            int base = environment.port();
            String database = environment.databaseUrl("mediamill_drills_pair");
            a = SyncedNodes.node(environment.node(), home("a"), "drills-a", base + 20, base + 25, Map.of("drills-b", base + 35),
                    database).start();
            b = SyncedNodes.node(environment.node(), home("b"), "drills-b", base + 30, base + 35, Map.of("drills-a", base + 25),
                    database).start();
            results.add(DrillResult.run(GROUP, "one of two nodes killed mid-job", "SIGKILL the node (and its rsync daemon) "
                            + "running a 720p ladder, start it again",
                    "the other node finishes the video; the killed one catches up, byte-identical", this::nodeKilled));
            results.add(DrillResult.run(GROUP, "rsync to the peer interrupted", "SIGKILL the rsync runs copying a "
                            + "finished video to the peer, " + environment.pick(3, 8) + " times",
                    "both volumes byte-identical, nothing half-copied left", this::rsyncKilled));
        } catch (RuntimeException | AssertionError e) {
            results.add(DrillResult.broken(GROUP, "two nodes", "start two synced nodes", "they start", e));
        } finally {
            Stream.of(a, b).filter(node -> node != null).forEach(node -> {
                try {
                    node.stop();
                } catch (RuntimeException ignored) {
                    // The other one still has to stop.
                }
            });
        }
        return results;
    }

    private Path home(String name) {
        return environment.home().resolveSibling(environment.home().getFileName() + "-" + name);
    }

    private DrillResult.Saw nodeKilled() throws Exception {
        MediamillClient onA = admin(a);
        String id = onA.uploadVideo(media.generate("pair-kill-" + System.nanoTime() + ".mp4", 1280, 720,
                environment.pick(16, 30), true, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), "pair killed");
        if (!Await.until(() -> runningNode(onA, id) != null && onA.video(id).getInt("progress") > 15,
                Duration.ofMinutes(3))) {
            throw new IllegalStateException("no node started the ladder of " + id);
        }
        boolean onNodeA = "drills-a".equals(runningNode(onA, id));
        ServerNode killed = onNodeA ? a : b;
        ServerNode survivor = onNodeA ? b : a;
        killed.crashWithVolume();
        JsonObject video = admin(survivor).awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        List<String> attempts = attempts(admin(survivor), id);
        ServerNode restarted = killed.start();
        if (onNodeA) {
            a = restarted;
        } else {
            b = restarted;
        }
        boolean caughtUp = Await.until(() -> sameFolders(id), Duration.ofMinutes(2));
        return new DrillResult.Saw(video.getString("status").equals("READY") && caughtUp
                && attempts.get(attempts.size() - 1).contains(survivor.nodeName()),
                "killed " + killed.nodeName() + "; " + video.getString("status") + " on " + survivor.nodeName()
                        + "; attempts " + attempts + "; after restart the volumes "
                        + (caughtUp ? "are byte-identical" : "differ: " + difference(id)));
    }

    private DrillResult.Saw rsyncKilled() throws Exception {
        MediamillClient onA = admin(a);
        int wanted = environment.pick(3, 8);
        String id = onA.uploadVideo(media.generate("pair-rsync-" + System.nanoTime() + ".mp4", 1280, 720, 20, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), "pair rsync");
        AtomicInteger kills = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread killer = new Thread(() -> {
            while (!stop.get() && kills.get() < wanted) {
                for (ProcessHandle rsync : ServerNode.processesMentioning("rsync", id)) {
                    if (rsync.destroyForcibly()) {
                        kills.incrementAndGet();
                    }
                }
                Thread.onSpinWait();
            }
        }, "rsync-killer");
        killer.setDaemon(true);
        killer.start();
        JsonObject video = onA.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        Await.until(() -> kills.get() >= wanted, Duration.ofMinutes(1));
        stop.set(true);
        killer.join();
        boolean same = Await.until(() -> sameFolders(id), Duration.ofMinutes(2));
        List<Path> hidden = hiddenLeftovers(a, id);
        hidden.addAll(hiddenLeftovers(b, id));
        return new DrillResult.Saw(video.getString("status").equals("READY") && kills.get() > 0 && same && hidden.isEmpty(),
                video.getString("status") + "; " + kills.get() + " rsync runs killed; then the volumes "
                        + (same ? "byte-identical" : "differ: " + difference(id)) + "; hidden leftovers "
                        + hidden.stream().map(path -> path.getFileName().toString()).toList());
    }

    private static MediamillClient admin(ServerNode node) {
        return MediamillClient.basicAs("admin", MediamillClient.adminPassword()).at(node.baseUrl());
    }

    private static String runningNode(MediamillClient client, String id) {
        List<JsonObject> attempts = attemptObjects(client, id);
        if (attempts.isEmpty()) {
            return null;
        }
        JsonObject last = attempts.get(attempts.size() - 1);
        return last.getString("status").equals("STARTED") ? last.getString("node") : null;
    }

    private static List<JsonObject> attemptObjects(MediamillClient client, String id) {
        return MediamillClient.json("{\"a\":" + client.get("/api/videos/" + id + "/attempts").body() + "}")
                .getJsonArray("a").getValuesAs(JsonObject.class);
    }

    private static List<String> attempts(MediamillClient client, String id) {
        return attemptObjects(client, id).stream().map(attempt -> attempt.getString("node") + " "
                + attempt.getString("status")).toList();
    }

    private boolean sameFolders(String id) {
        return difference(id).isEmpty();
    }

    /** The files that are missing on one volume or differ between the two (hidden names aside). */
    private List<String> difference(String id) {
        Map<String, Path> onA = files(SyncedNodes.videoFolder(a, id));
        Map<String, Path> onB = files(SyncedNodes.videoFolder(b, id));
        List<String> different = new ArrayList<>();
        for (String name : union(onA, onB)) {
            Path x = onA.get(name);
            Path y = onB.get(name);
            try {
                if (x == null || y == null || Files.mismatch(x, y) != -1) {
                    different.add(name + (x == null ? " (not on a)" : y == null ? " (not on b)" : " (differs)"));
                }
            } catch (IOException e) {
                different.add(name + " (" + e.getMessage() + ")");
            }
        }
        return different;
    }

    private static List<String> union(Map<String, Path> one, Map<String, Path> other) {
        TreeMap<String, Path> all = new TreeMap<>(one);
        all.putAll(other);
        return List.copyOf(all.keySet());
    }

    private static Map<String, Path> files(Path folder) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(Files::isRegularFile).filter(path -> !hidden(folder, path))
                    .forEach(path -> files.put(folder.relativize(path).toString(), path));
        } catch (IOException e) {
            // A file renamed while walking: the next look sees it.
        }
        return files;
    }

    private static boolean hidden(Path folder, Path path) {
        for (Path part : folder.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hidden files under the video's folder that rsync's cut runs left: its temporaries (.name.XXXXXX) and
     * --delay-updates' holding folder (.~tmp~). The service's own checksum stamps (.original.sha256) look alike
     * but are its own, written on each node.
     */
    private static List<Path> hiddenLeftovers(ServerNode node, String id) {
        Path folder = SyncedNodes.videoFolder(node, id);
        List<Path> hidden = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return hidden;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(path -> !path.equals(folder) && path.getFileName().toString().startsWith(".~tmp~")
                    || Files.isRegularFile(path) && path.getFileName().toString().matches("\\..+\\.[A-Za-z0-9]{6}")
                    && !path.getFileName().toString().endsWith(".sha256"))
                    .forEach(hidden::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return hidden;
    }
}
