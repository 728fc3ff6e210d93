package io.mediamill.infrastructure.leftovers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.ChildProcessRecords;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.infrastructure.storage.RemovedLeftovers;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up sweep as the container runs it: configured bounds, both parts, and never a failed start. */
class LeftoverSweepTest {

    private static final String ID = "ab12cd34-0000-0000-0000-000000000000";

    @TempDir
    Path home;

    @AfterEach
    void clearProperties() {
        System.clearProperty("mediamill.home");
        System.clearProperty("mediamill.media.dir");
        System.clearProperty("mediamill.heartbeat-seconds");
    }

    @Test
    void temporaryOutputsGetFourHeartbeatsAndRecordsAreChecked() throws IOException {
        LeftoverSweep sweep = sweep(Runnable::run);
        Path dir = sweep.storage.videoDir(ID);
        Path abandoned = file(dir.resolve(".download.mp4.part"), Instant.now().minusSeconds(90));
        Path live = file(dir.resolve(".poster.jpg.part"), Instant.now().minusSeconds(30));
        Path unreadableRecord = Files.writeString(Files.createDirectories(home.resolve("run")).resolve("1-2.pid"), "x");

        sweep.start();

        assertFalse(Files.exists(abandoned), "90 s is more than 4 heartbeats of 15 s");
        assertTrue(Files.exists(live), "30 s is less");
        assertFalse(Files.exists(unreadableRecord), "the process records were checked");
    }

    @Test
    void failuresNeverStopTheStart() {
        LeftoverSweep sweep = sweep(task -> {
            throw new RejectedExecutionException("shutting down");
        });
        assertDoesNotThrow(sweep::start);

        sweep.processes = new ChildProcessRecords(home) {
            @Override
            public List<ChildProcess> killOrphans() {
                throw new IllegalStateException("no /proc");
            }
        };
        sweep.storage = new MediaStorage(home) {
            @Override
            public RemovedLeftovers removeLeftovers(Duration partMaxAge, Duration uploadMaxAge) {
                throw new IllegalStateException("volume gone");
            }
        };
        assertDoesNotThrow(sweep::sweep);
    }

    private LeftoverSweep sweep(java.util.concurrent.Executor runs) {
        System.setProperty("mediamill.home", home.toString());
        System.setProperty("mediamill.media.dir", home.resolve("media").toString());
        System.setProperty("mediamill.heartbeat-seconds", "15");
        MediamillConfig config = new MediamillConfig();
        LeftoverSweep sweep = new LeftoverSweep();
        sweep.config = config;
        sweep.processes = new ChildProcessRecords(config);
        sweep.storage = new MediaStorage(config);
        sweep.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    runs.execute((Runnable) args[0]);
                    return null;
                });
        return sweep;
    }

    private static Path file(Path file, Instant written) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[10]);
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }
}
