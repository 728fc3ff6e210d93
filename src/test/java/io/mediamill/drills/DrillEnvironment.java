package io.mediamill.drills;

import io.mediamill.testing.ServerNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the launcher prepared for the drills: the node under drill (its home and base URL), the upload limit it
 * runs with, a small volume for the disk-full drill, and whether this is the short run CI makes or the long one.
 *
 * @param smallVolume a mounted file system of a few megabytes, or null when none could be mounted
 * @param databaseServer the JDBC URL of the drills' MariaDB instance, up to the database name
 * @param only the groups ({@code bad}, {@code fault}, {@code load}) or single drills (their keys) to run
 */
record DrillEnvironment(boolean longRun, Path home, String baseUrl, long uploadLimitBytes, Path smallVolume, Path work,
                        String databaseServer, Set<String> only) {

    static DrillEnvironment fromSystemProperties() {
        String volume = System.getProperty("mediamill.drills.smallVolume", "");
        return new DrillEnvironment("long".equals(System.getProperty("mediamill.drills.mode", "short")),
                Path.of(System.getProperty("mediamill.home")), System.getProperty("mediamill.baseUrl"),
                Long.parseLong(System.getProperty("mediamill.drills.uploadLimit", String.valueOf(64L << 20))),
                volume.isBlank() ? null : Path.of(volume),
                Path.of(System.getProperty("mediamill.it.work", "target/drills-media")).toAbsolutePath(),
                System.getProperty("mediamill.drills.databaseServer", "jdbc:mariadb://127.0.0.1:3317/"),
                Set.of(System.getProperty("mediamill.drills.only", "bad,fault,load").split(",")));
    }

    ServerNode node() {
        return ServerNode.running(home, baseUrl);
    }

    /** The port the node under drill answers on; the drills' other nodes take the ports above it. */
    int port() {
        return Integer.parseInt(baseUrl.replaceAll(".*:(\\d+).*", "$1"));
    }

    /** A database of the drills' own on the drills' MariaDB instance (the launcher creates them). */
    String databaseUrl(String name) {
        return databaseServer + name;
    }

    /** Whether to run this drill: its group was asked for, or the drill itself by its key. */
    boolean wants(String group, String key) {
        return only.contains(group) || only.contains(key);
    }

    /** Whether any drill of this group was asked for. */
    boolean wantsAnyOf(String group, List<String> keys) {
        return only.contains(group) || keys.stream().anyMatch(only::contains);
    }

    /** The short run's number, or the long run's. */
    int pick(int shortRun, int longRunValue) {
        return longRun ? longRunValue : shortRun;
    }
}
