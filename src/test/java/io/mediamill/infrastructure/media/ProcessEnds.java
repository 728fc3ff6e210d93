package io.mediamill.infrastructure.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whether a process ended. A killed process whose parent is gone waits as a zombie for init to reap it, and
 * some container inits never do; ProcessHandle calls a zombie alive, /proc tells.
 */
final class ProcessEnds {

    private ProcessEnds() {
    }

    /** Waits up to {@code limit} for the process to end: no such process any more, or a zombie. */
    static boolean within(ProcessHandle process, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!process.isAlive() || zombie(process.pid())) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
