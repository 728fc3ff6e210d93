package io.mediamill.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The tests' own MariaDB instance ({@code ./mediamill test-db}, port {@code mediamill.it.dbPort}), which tests
 * of the service without its database stop and start. Never the machine's MariaDB: the launcher refuses to stop
 * an instance it did not start.
 */
public final class TestDatabase {

    private static final String LAUNCHER = System.getProperty("mediamill.it.launcher", "./mediamill");
    private static final String PORT = System.getProperty("mediamill.it.dbPort", "3307");

    private TestDatabase() {
    }

    /** A stopped database; closing it starts the database again (a test's try-with-resources, however it ends). */
    public static final class Outage implements AutoCloseable {

        private Outage() {
        }

        @Override
        public void close() {
            launcher("start");
        }
    }

    /** Stops the database and returns the outage that starts it again when closed. */
    public static Outage stop() {
        launcher("stop");
        return new Outage();
    }

    public static String port() {
        return PORT;
    }

    private static void launcher(String action) {
        ProcessBuilder command = new ProcessBuilder(LAUNCHER, "test-db", action).inheritIO()
                .directory(Path.of(LAUNCHER).toAbsolutePath().getParent().toFile());
        command.environment().put("MEDIAMILL_TEST_DB_PORT", PORT);
        try {
            Process process = command.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./mediamill test-db " + action + " did not finish within 3 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("./mediamill test-db " + action + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + LAUNCHER + " test-db " + action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during ./mediamill test-db " + action, e);
        }
    }
}
