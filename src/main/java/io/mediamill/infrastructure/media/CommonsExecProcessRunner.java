package io.mediamill.infrastructure.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.ShutdownHookProcessDestroyer;

/**
 * Runs ffmpeg and ffprobe through commons-exec: a watchdog kills a run (and anything it spawned) that outlives its timeout, stdout is
 * collected up to a bound, only the tail of stderr is kept, and every running process has this bean as its
 * owner, so undeploying the application or stopping the JVM leaves none behind.
 */
@ApplicationScoped
public class CommonsExecProcessRunner implements ProcessRunner {

    private static final Logger LOG = Logger.getLogger(CommonsExecProcessRunner.class.getName());
    private static final int STDOUT_LIMIT = 16 << 20;
    private static final int STDERR_TAIL = 8 << 10;
    private static final ShutdownHookProcessDestroyer ON_JVM_EXIT = new ShutdownHookProcessDestroyer();

    /** Each running process's watchdog, with the command it runs. */
    private final Map<ExecuteWatchdog, ExternalCommand> running = new ConcurrentHashMap<>();

    @Override
    public ProcessResult run(ExternalCommand command, Duration timeout) {
        CommandLine commandLine = new CommandLine(command.program());
        command.arguments().forEach(arg -> commandLine.addArgument(arg, false));
        BoundedOutputStream stdout = new BoundedOutputStream(STDOUT_LIMIT);
        TailOutputStream stderr = new TailOutputStream(STDERR_TAIL);
        ExecuteWatchdog watchdog = new ProcessTreeWatchdog(timeout);
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(stdout, stderr)).get();
        executor.setWatchdog(watchdog);
        executor.setProcessDestroyer(ON_JVM_EXIT);
        executor.setExitValues(null);

        LOG.info(command::toString);
        long started = System.nanoTime();
        running.put(watchdog, command);
        int exitValue;
        try {
            exitValue = executor.execute(commandLine);
        } catch (IOException e) {
            throw new ExternalProcessException(command.program() + " could not run: " + e.getMessage(), stderr.tail(), e);
        } finally {
            running.remove(watchdog);
        }
        if (watchdog.killedProcess()) {
            throw new ExternalProcessException(command.program() + " was killed after running longer than "
                    + timeout.toSeconds() + " s", stderr.tail(), null);
        }
        if (exitValue != 0) {
            throw new ExternalProcessException(command.program() + " exited with " + exitValue, stderr.tail(), null);
        }
        LOG.fine(() -> command.program() + " finished in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return new ProcessResult(exitValue, stdout.text(), stderr.tail());
    }

    @Override
    public int destroyOwnedBy(String owner) {
        int destroyed = 0;
        for (Map.Entry<ExecuteWatchdog, ExternalCommand> entry : running.entrySet()) {
            if (owner.equals(entry.getValue().owner())) {
                LOG.info(() -> "stopping " + entry.getValue().program() + " of " + owner);
                entry.getKey().destroyProcess();
                destroyed++;
            }
        }
        return destroyed;
    }

    /** Kills whatever is still running when the application goes away. */
    @PreDestroy
    void destroyRunning() {
        running.keySet().forEach(ExecuteWatchdog::destroyProcess);
    }
}
