package io.mediamill.infrastructure.media;

import java.time.Duration;
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

    @Override
    public synchronized void timeoutOccured(Watchdog watchdog) {
        destroyDescendants();
        super.timeoutOccured(watchdog);
    }

    @Override
    public synchronized void destroyProcess() {
        destroyDescendants();
        super.destroyProcess();
    }

    private void destroyDescendants() {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroy);
        }
    }
}
