package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.ServerNode;
import io.mediamill.testing.SyncedNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings with which a node would harm its peers' volumes: the launcher refuses them before the server starts. */
class NodeStartRefusalsIT {

    private final ServerNode primary = ServerNode.underTest();
    private final int base = Integer.parseInt(primary.baseUrl().replaceAll(".*:", ""));
    private final Path homes = Path.of(System.getProperty("mediamill.it.home") + "-refused");

    @Test
    void anRsyncPortWhereAnotherDaemonAnswersIsRefused() throws Exception {
        try (LoopbackRsyncDaemon other = LoopbackRsyncDaemon.start(Files.createDirectories(homes.resolve("other")))) {
            ServerNode node = node("port").with(Map.of("MEDIAMILL_RSYNC_PORT", String.valueOf(other.port())));

            IllegalStateException refused = assertThrows(IllegalStateException.class, node::start);

            assertTrue(refused.getMessage().contains("not this node's"), refused.getMessage());
            assertNotStarted(node);
            assertTrue(Files.isDirectory(other.volume()), "the other daemon is left alone");
        }
    }

    @Test
    void peersOnTheEmbeddedDatabaseAreRefused() {
        ServerNode node = node("h2").without("MEDIAMILL_DB_URL", "MEDIAMILL_DB_USER", "MEDIAMILL_DB_PASSWORD");

        IllegalStateException refused = assertThrows(IllegalStateException.class, node::start);

        assertTrue(refused.getMessage().contains("share one MariaDB"), refused.getMessage());
        assertNotStarted(node);
    }

    private ServerNode node(String name) {
        return SyncedNodes.node(primary, homes.resolve(name), "refused-" + name, base + 50, base + 55,
                Map.of("refused-peer", base + 56), System.getProperty("mediamill.it.scaleDbUrl"));
    }

    private static void assertNotStarted(ServerNode node) {
        assertFalse(Files.exists(node.home().resolve("mediamill.pid")), "no server was started");
        assertFalse(Files.exists(node.home().resolve("rsyncd.pid")), "no daemon of this node runs");
    }
}
