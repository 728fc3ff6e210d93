package io.mediamill.infrastructure.leftovers;

import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.ChildProcessRecords;
import io.mediamill.infrastructure.media.ChildProcessRecords.ChildProcess;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.infrastructure.storage.RemovedLeftovers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Clears, once the application starts, what a server killed outright left behind: ffmpeg and ffprobe runs
 * the parent-death signal did not take with it ({@link ChildProcessRecords}), and on the media volume
 * half-written outputs and abandoned multipart uploads ({@link MediaStorage#removeLeftovers}). The sweep runs
 * on a managed thread, so walking a large volume never holds up the start, and it ends in one log line.
 * Leftovers cost disk and CPU, never a reason not to start: whatever fails is logged and passed over.
 */
@Singleton
@Startup
// Bean-managed and never beginning one: no container transaction around work that touches no database (see
// FirstAdmin for why a container-managed one would hurt on Payara).
@TransactionManagement(TransactionManagementType.BEAN)
public class LeftoverSweep {

    private static final Logger LOG = Logger.getLogger(LeftoverSweep.class.getName());
    /**
     * A temporary output not written for this many heartbeats is abandoned: a node that missed as many is
     * taken for dead, and a live ffmpeg, on any node sharing the volume, writes far more often.
     */
    static final int HEARTBEATS = 4;

    @Inject
    ChildProcessRecords processes;

    @Inject
    MediaStorage storage;

    @Inject
    MediamillConfig config;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        try {
            executor.execute(this::sweep);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the start-up sweep of leftovers did not run", e);
        }
    }

    /** Kills orphaned processes, then sweeps the volume; each part runs whatever became of the other. */
    void sweep() {
        List<String> found = new ArrayList<>();
        boolean failed = false;
        try {
            List<ChildProcess> killed = processes.killOrphans();
            found.add(killed.isEmpty() ? "no orphaned processes" : "killed orphaned " + killed);
        } catch (RuntimeException e) {
            failed = true;
            found.add("could not check for orphaned processes: " + e);
        }
        try {
            RemovedLeftovers removed = storage.removeLeftovers(config.heartbeatInterval().multipliedBy(HEARTBEATS),
                    config.incomingMaxAge());
            found.add("removed " + removed);
        } catch (RuntimeException e) {
            failed = true;
            found.add("could not sweep the media volume: " + e);
        }
        LOG.log(failed ? Level.WARNING : Level.INFO, "leftovers of earlier runs: " + String.join("; ", found));
    }
}
