package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JVM killed outright (SIGKILL: no shutdown hook runs) takes its external processes with it: a real child
 * JVM ({@link SleepingServer}) runs {@code sleep 300} through the runner and is killed; the sleep must go too.
 */
class KilledServerTest {

    @Test
    @Timeout(60)
    void theSleepOfAKilledServerDiesWithIt() throws Exception {
        Assumptions.assumeTrue(ParentDeathSignal.onThisMachine().available(), "setpriv with --pdeathsig is not installed");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SleepingServer.class.getName())
                .redirectError(Redirect.INHERIT).start();
        ProcessHandle sleep = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String pid = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertNotNull(pid, "the server printed no pid");
            sleep = ProcessHandle.of(Long.parseLong(pid.strip())).orElseThrow();
            assertEquals(server.pid(), sleep.parent().map(ProcessHandle::pid).orElse(-1L), "the sleep is the server's own child");

            server.toHandle().destroyForcibly();
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server JVM is killed");

            assertTrue(ProcessEnds.within(sleep, Duration.ofSeconds(5)), "the sleep still runs after its server was killed");
        } finally {
            server.destroyForcibly();
            if (sleep != null) {
                sleep.destroyForcibly();
            }
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
