package io.mediamill.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Nodes as operators run several on one machine: like a running one (same server and settings), but each with a
 * fresh home and media volume of its own, its own name, port and rsync daemon, on a database of their own.
 */
public final class SyncedNodes {

    public static final String RSYNC_SECRET = "synced-nodes-rsync-secret-7a2c";

    private SyncedNodes() {
    }

    /**
     * A node named {@code name} (not started) whose peers are {@code peers} (name → rsync port on loopback);
     * none means a node alone, without a daemon.
     */
    public static ServerNode node(ServerNode like, Path home, String name, int port, int rsyncPort,
                                  Map<String, Integer> peers, String databaseUrl) {
        deleteTree(home);
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "MEDIAMILL_DB_URL", databaseUrl,
                "MEDIAMILL_MEDIA_DIR", home.resolve("media").toString(),
                "MEDIAMILL_NODE_NAME", name,
                "MEDIAMILL_SYNC_RETRY_SECONDS", "1",
                "MEDIAMILL_SYNC_RECONCILE_SECONDS", "20"));
        if (!peers.isEmpty()) {
            settings.put("MEDIAMILL_PEERS", String.join(",", peers.entrySet().stream()
                    .map(peer -> peer.getKey() + "=rsync://127.0.0.1:" + peer.getValue() + "/media").toList()));
            settings.put("MEDIAMILL_RSYNC_PORT", String.valueOf(rsyncPort));
            settings.put("MEDIAMILL_RSYNC_SECRET", RSYNC_SECRET);
        }
        return like.sibling(home, port).with(settings);
    }

    /** Where a video's folder is on a node's volume. */
    public static Path videoFolder(ServerNode node, String videoId) {
        return node.home().resolve("media").resolve("videos").resolve(videoId.substring(0, 2))
                .resolve(videoId.substring(2, 4)).resolve(videoId);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + root, e);
        }
    }
}
