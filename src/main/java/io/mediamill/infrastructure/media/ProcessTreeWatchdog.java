package io.mediamill.infrastructure.media;

import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Watchdog;

/**
 * A watchdog that kills the whole process tree, not just the direct child: a wrapper script's children would
 * otherwise keep running and hold stderr open, so the run would not end at its timeout.
 */
final class ProcessTreeWatchdog extends ExecuteWatchdog {

    private volatile Process process;

    @SuppressWarnings("deprecation") // the builder cannot build subclasses; this constructor is the way to extend
    ProcessTreeWatchdog(Duration timeout) {
        super(timeout.toMillis());
    }

    @Override
    public synchronized void start(Process started) {
        this.process = started;
        super.start(started);
    }

    /**
     * The process is killed first, then what it had spawned (listed before, as they are no longer its
     * descendants once it is gone): killing a shell's children first can let the shell exit on its own in
     * between, and the run would not count as killed for its time limit.
     */
    @Override
    public synchronized void timeoutOccured(Watchdog watchdog) {
        List<ProcessHandle> descendants = descendants();
        super.timeoutOccured(watchdog);
        descendants.forEach(ProcessHandle::destroy);
    }

    @Override
    public synchronized void destroyProcess() {
        List<ProcessHandle> descendants = descendants();
        super.destroyProcess();
        descendants.forEach(ProcessHandle::destroy);
    }

    private List<ProcessHandle> descendants() {
        Process running = process;
        return running == null ? List.of() : running.descendants().toList();
    }
}
