package io.mediamill.infrastructure.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import java.util.logging.Logger;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.ProcessDestroyer;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.ShutdownHookProcessDestroyer;

/**
 * Runs ffmpeg and ffprobe through commons-exec. A watchdog kills a run (and anything it spawned) that
 * outlives its time limit or, for runs that report progress, stops making progress; stdout is collected up
 * to a bound or parsed as progress; only the tail of stderr is kept for the error message. Every running
 * process has this bean as its owner, so undeploying the application or stopping the JVM leaves none behind;
 * a JVM killed outright runs no hook, so each process also gets a {@link ParentDeathSignal} and, for machines
 * without one, a pid record ({@link ChildProcessRecords}) that the next start clears.
 */
@ApplicationScoped
public class CommonsExecProcessRunner implements ProcessRunner {

    private static final Logger LOG = Logger.getLogger(CommonsExecProcessRunner.class.getName());
    private static final int STDOUT_LIMIT = 16 << 20;
    private static final int STDERR_TAIL = 8 << 10;
    private static final ShutdownHookProcessDestroyer ON_JVM_EXIT = new ShutdownHookProcessDestroyer();

    /** Each running process's watchdog, with the command it runs. */
    private final Map<ExecuteWatchdog, ExternalCommand> running = new ConcurrentHashMap<>();
    /** Runs killed on purpose (their owner stopped, or the application going away), not for a limit. */
    private final Set<ExecuteWatchdog> stopped = ConcurrentHashMap.newKeySet();

    private final ParentDeathSignal parentDeath;
    /** Null when runs are not recorded (tests and tools, which no start-up check follows). */
    private final ChildProcessRecords records;

    /** Checks runs for stalls; one daemon thread is plenty, the checks only read a timestamp. */
    private final ScheduledExecutorService stallChecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mediamill-stall-check");
        thread.setDaemon(true);
        return thread;
    });

    /** A runner whose processes die with this JVM where setpriv allows, and are not recorded. */
    public CommonsExecProcessRunner() {
        this(ParentDeathSignal.onThisMachine(), null);
    }

    @Inject
    public CommonsExecProcessRunner(ChildProcessRecords records) {
        this(ParentDeathSignal.onThisMachine(), records);
    }

    CommonsExecProcessRunner(ParentDeathSignal parentDeath, ChildProcessRecords records) {
        this.parentDeath = parentDeath;
        this.records = records;
    }

    @Override
    public ProcessResult run(ExternalCommand command, Duration timeout) {
        BoundedOutputStream stdout = new BoundedOutputStream(STDOUT_LIMIT);
        TailOutputStream stderr = execute(command, timeout, stdout, null);
        return new ProcessResult(stdout.text(), stderr.tail());
    }

    @Override
    public void runWithProgress(ExternalCommand command, RunLimits limits, DoubleConsumer processedSeconds) {
        AtomicLong lastAdvance = new AtomicLong(System.nanoTime());
        FfmpegProgressParser parser = new FfmpegProgressParser();
        OutputStream progress = new LogOutputStream() {
            @Override
            protected void processLine(String line, int logLevel) {
                parser.accept(line).ifPresent(seconds -> {
                    lastAdvance.set(System.nanoTime());
                    processedSeconds.accept(seconds);
                });
            }
        };
        execute(command, limits.total(), progress, new StallWatch(lastAdvance, limits.stall()));
    }

    private TailOutputStream execute(ExternalCommand command, Duration timeout, OutputStream stdout, StallWatch stall) {
        List<String> argv = parentDeath.wrap(command.argv());
        if (command.background()) {
            argv = LowerPriority.wrap(argv);
        }
        CommandLine commandLine = new CommandLine(argv.get(0));
        argv.subList(1, argv.size()).forEach(arg -> commandLine.addArgument(arg, false));
        TailOutputStream stderr = new TailOutputStream(STDERR_TAIL);
        ExecuteWatchdog watchdog = new ProcessTreeWatchdog(timeout);
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(stdout, stderr)).get();
        executor.setWatchdog(watchdog);
        executor.setProcessDestroyer(new Tracking(command.program()));
        executor.setExitValues(null);

        LOG.info(command::toString); // what was asked for, without the setpriv and nice in front
        running.put(watchdog, command);
        ScheduledFuture<?> stallCheck = stall == null ? null
                : stallChecks.scheduleWithFixedDelay(() -> stall.check(watchdog), 1, 1, TimeUnit.SECONDS);
        int exitValue;
        try {
            // Synchronous on purpose: this thread launches the process and waits for it, and the parent-death
            // signal follows the launching thread, not the JVM (see ParentDeathSignal).
            exitValue = executor.execute(commandLine);
        } catch (IOException e) {
            throw new ExternalProcessException(command.program() + " could not run: " + e.getMessage(), stderr.tail(), e);
        } finally {
            running.remove(watchdog);
            if (stallCheck != null) {
                stallCheck.cancel(false);
            }
        }
        if (stall != null && stall.fired()) {
            throw new ExternalProcessException(command.program() + " made no progress for "
                    + stall.limit().toSeconds() + " s and was killed", stderr.tail(), null);
        }
        if (stopped.remove(watchdog)) {
            throw new ExternalProcessException(command.program() + " was stopped"
                    + (command.owner() == null ? "" : " with the work of " + command.owner()), stderr.tail(), null);
        }
        if (watchdog.killedProcess()) {
            throw new ExternalProcessException(command.program() + " was killed after running longer than "
                    + timeout.toSeconds() + " s", stderr.tail(), null);
        }
        if (parentDeath.couldNotExecute(exitValue, stderr.tail())) {
            throw new ExternalProcessException(command.program() + " could not run", stderr.tail(), null);
        }
        if (exitValue != 0) {
            throw new ExternalProcessException(command.program() + ExitValues.describe(exitValue), stderr.tail(), exitValue);
        }
        return stderr;
    }

    @Override
    public int destroyOwnedBy(String owner) {
        int destroyed = 0;
        for (Map.Entry<ExecuteWatchdog, ExternalCommand> entry : running.entrySet()) {
            if (owner.equals(entry.getValue().owner())) {
                LOG.info(() -> "stopping " + entry.getValue().program() + " of " + owner);
                stopped.add(entry.getKey());
                entry.getKey().destroyProcess();
                destroyed++;
            }
        }
        return destroyed;
    }

    @Override
    public int runningCount() {
        return running.size();
    }

    /** Kills whatever is still running when the application goes away. */
    @PreDestroy
    void destroyRunning() {
        running.keySet().forEach(watchdog -> {
            stopped.add(watchdog);
            watchdog.destroyProcess();
        });
        stallChecks.shutdownNow();
    }

    /**
     * Sees each process from its start to its end (commons-exec adds it right after the launch and removes it
     * once it has ended, whatever happened): registers it for killing at JVM exit and keeps its pid record.
     */
    private final class Tracking implements ProcessDestroyer {

        private final String program;

        Tracking(String program) {
            this.program = program;
        }

        @Override
        public boolean add(Process process) {
            if (records != null) {
                records.add(process.toHandle(), program);
            }
            return ON_JVM_EXIT.add(process);
        }

        @Override
        public boolean remove(Process process) {
            boolean removed = ON_JVM_EXIT.remove(process);
            if (records != null) {
                records.remove(process.toHandle());
            }
            return removed;
        }

        @Override
        public int size() {
            return ON_JVM_EXIT.size();
        }
    }

    /** Kills a run whose progress has not advanced for the limit. */
    private record StallWatch(AtomicLong lastAdvance, Duration limit, AtomicBoolean killed) {

        StallWatch(AtomicLong lastAdvance, Duration limit) {
            this(lastAdvance, limit, new AtomicBoolean());
        }

        void check(ExecuteWatchdog watchdog) {
            if (System.nanoTime() - lastAdvance.get() > limit.toNanos() && killed.compareAndSet(false, true)) {
                watchdog.destroyProcess();
            }
        }

        boolean fired() {
            return killed.get();
        }
    }
}
