package io.mediamill.infrastructure.media;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Makes an external program die with the server. When the JVM is SIGKILLed (the OOM killer, {@code kill -9})
 * no shutdown hook runs, and ffmpeg would go on encoding for a server that is gone. Linux's parent-death
 * signal ({@code PR_SET_PDEATHSIG}) has the kernel kill the child instead; {@code setpriv} from util-linux sets
 * it and then execs the program, so the pid, the process tree and the watchdog stay those of the program.
 * Where setpriv (or its {@code --pdeathsig}) is missing, commands run as they are and only the pid records of
 * {@link ChildProcessRecords} are left to clear orphans at the next start.
 *
 * <p>{@code PR_SET_PDEATHSIG} fires when the <em>thread</em> that started the child ends, not only the process.
 * That is safe here: {@code DefaultExecutor.execute} launches the process in the calling thread and blocks
 * that thread in {@code waitFor} until the process has ended, so the thread outlives its child unless the
 * whole JVM dies, which is exactly when the signal should come.
 */
final class ParentDeathSignal {

    private static final Logger LOG = Logger.getLogger(ParentDeathSignal.class.getName());
    private static final String SETPRIV = "setpriv";
    /** Where Debian and most others install it, for servers started with a PATH that lacks it. */
    private static final List<String> USUAL_PLACES = List.of("/usr/bin", "/bin");
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
    /** setpriv's exit values when it cannot exec the program: not found, or found but not runnable. */
    private static final Set<Integer> EXEC_FAILED = Set.of(126, 127);

    private final String setpriv;

    private ParentDeathSignal(String setpriv) {
        this.setpriv = setpriv;
    }

    /** The signal through the setpriv at {@code setpriv}, taken to support {@code --pdeathsig}. */
    static ParentDeathSignal through(String setpriv) {
        return new ParentDeathSignal(setpriv);
    }

    /** No signal: commands run unwrapped. */
    static ParentDeathSignal none() {
        return new ParentDeathSignal(null);
    }

    /** What this machine offers, found out once per class loader (one setpriv run). */
    static ParentDeathSignal onThisMachine() {
        return Detected.SIGNAL;
    }

    /** Whether commands get the signal. */
    boolean available() {
        return setpriv != null;
    }

    /** The argv to launch for {@code argv}: behind {@code setpriv --pdeathsig KILL --} when available. */
    List<String> wrap(List<String> argv) {
        if (setpriv == null) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(argv.size() + 4);
        wrapped.addAll(List.of(setpriv, "--pdeathsig", "KILL", "--"));
        wrapped.addAll(argv);
        return List.copyOf(wrapped);
    }

    /**
     * Whether a wrapped run ended because setpriv could not exec the program (missing, not executable) rather
     * than the program exiting: setpriv then exits 126 or 127 and says so on stderr, under its own name.
     */
    boolean couldNotExecute(int exitValue, String stderrTail) {
        return setpriv != null && EXEC_FAILED.contains(exitValue) && stderrTail.startsWith(SETPRIV + ":");
    }

    /** setpriv on the PATH or in its usual places, kept when it runs a program with {@code --pdeathsig KILL}. */
    static ParentDeathSignal detect() {
        for (Path candidate : candidates()) {
            if (Files.isExecutable(candidate) && works(candidate.toString())) {
                LOG.info(() -> "external programs die with the server: they run under " + candidate + " --pdeathsig KILL");
                return through(candidate.toString());
            }
        }
        LOG.warning("setpriv with --pdeathsig not found: if the server is killed outright, its ffmpeg runs are "
                + "only stopped at its next start");
        return none();
    }

    private static Set<Path> candidates() {
        Set<Path> candidates = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, SETPRIV));
                }
            }
        }
        USUAL_PLACES.forEach(dir -> candidates.add(Path.of(dir, SETPRIV)));
        return candidates;
    }

    /** Old util-linux has setpriv without --pdeathsig; a trial run is the one sure answer. */
    private static boolean works(String setpriv) {
        List<String> argv = through(setpriv).wrap(List.of("true"));
        CommandLine trial = new CommandLine(argv.get(0));
        argv.subList(1, argv.size()).forEach(arg -> trial.addArgument(arg, false));
        DefaultExecutor executor = DefaultExecutor.builder()
                .setExecuteStreamHandler(new PumpStreamHandler(OutputStream.nullOutputStream())).get();
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(CHECK_TIMEOUT).get());
        executor.setExitValues(null);
        try {
            return executor.execute(trial) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Holder: the trial run happens on first use, once. */
    private static final class Detected {
        static final ParentDeathSignal SIGNAL = detect();
    }
}
