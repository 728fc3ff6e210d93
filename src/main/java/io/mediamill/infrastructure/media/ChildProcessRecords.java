package io.mediamill.infrastructure.media;

import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A file per running external process under {@code MEDIAMILL_HOME/run/}, naming its pid, its program and the
 * JVM that started it: the second line of defence where {@link ParentDeathSignal} is not available. A server
 * killed outright removes nothing, so at the next start {@link #killOrphans()} finds the records whose JVM is
 * gone and kills the processes that are still the ones recorded.
 *
 * <p>A process is only taken for the recorded one when its start time and its program match, and only killed
 * when the JVM that started it is gone: a pid reused by something else, or the ffmpeg of another server
 * sharing this home, is left alone.
 */
@ApplicationScoped
public class ChildProcessRecords {

    private static final Logger LOG = Logger.getLogger(ChildProcessRecords.class.getName());
    private static final String RUN = "run";
    private static final Pattern RECORD_NAME = Pattern.compile("\\d+-\\d+\\.pid");
    /**
     * Start times are derived from the boot time, which moves when the clock is stepped; a few seconds absorb
     * that, and a reused pid would have to come back running the same program within them.
     */
    private static final Duration SAME_START = Duration.ofSeconds(5);
    /** How /proc names the binary of a process whose file was replaced since it started (an upgrade). */
    private static final String DELETED = " (deleted)";

    /** One recorded run: which process, which program it runs, and which JVM started it (start times may be null). */
    public record ChildProcess(long pid, Instant started, String program, long ownerPid, Instant ownerStarted) {

        @Override
        public String toString() {
            return program + " (pid " + pid + ")";
        }

        boolean ownerAlive() {
            return ProcessHandle.of(ownerPid).filter(owner -> sameProcess(owner, ownerStarted)).isPresent();
        }

        /** The process, when it is still the one recorded. */
        Optional<ProcessHandle> stillRunning() {
            return ProcessHandle.of(pid)
                    .filter(process -> sameProcess(process, started))
                    .filter(process -> process.info().command().map(command -> runs(command, program)).orElse(false));
        }
    }

    private Path dir;

    protected ChildProcessRecords() {
        // for CDI proxies
    }

    @Inject
    public ChildProcessRecords(MediamillConfig config) {
        this(config.home().resolve(RUN));
    }

    /** Records kept in {@code dir}, created when the first one is written. */
    public ChildProcessRecords(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * Records a process this JVM started; a failure is logged, never thrown (the run matters more). Public, as
     * the runner calls it through the CDI proxy.
     */
    public void add(ProcessHandle child, String program) {
        add(child, program, ProcessHandle.current());
    }

    void add(ProcessHandle child, String program, ProcessHandle owner) {
        Path file = fileOf(child.pid(), owner.pid());
        String content = "pid=" + child.pid() + "\n"
                + "started=" + child.info().startInstant().map(Instant::toString).orElse("") + "\n"
                + "program=" + program + "\n"
                + "owner=" + owner.pid() + "\n"
                + "ownerStarted=" + owner.info().startInstant().map(Instant::toString).orElse("") + "\n";
        // Written aside and renamed, so a start-up check never reads half a record.
        Path temporary = dir.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.writeString(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not record " + program + " (pid " + child.pid() + ") in " + dir, e);
        }
    }

    /** Forgets a process this JVM started, once it has ended. */
    public void remove(ProcessHandle child) {
        delete(fileOf(child.pid(), ProcessHandle.current().pid()));
    }

    /** The processes recorded now, by this JVM and any other. */
    List<ChildProcess> recorded() {
        return recordFiles().stream().map(ChildProcessRecords::read).flatMap(Optional::stream).toList();
    }

    /**
     * Kills every recorded process whose JVM is gone and which still runs the recorded program, with its
     * descendants, and removes those records (and unreadable ones). Records of living JVMs are kept.
     *
     * @return the processes killed
     */
    public List<ChildProcess> killOrphans() {
        List<ChildProcess> killed = new ArrayList<>();
        for (Path file : recordFiles()) {
            Optional<ChildProcess> record = read(file);
            if (record.isPresent() && record.get().ownerAlive()) {
                continue;
            }
            record.filter(orphan -> orphan.stillRunning().map(ChildProcessRecords::killTree).orElse(false))
                    .ifPresent(killed::add);
            delete(file);
        }
        return killed;
    }

    private Path fileOf(long pid, long ownerPid) {
        return dir.resolve(ownerPid + "-" + pid + ".pid");
    }

    private List<Path> recordFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> RECORD_NAME.matcher(file.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not read the process records in " + dir, e);
            return List.of();
        }
    }

    private static Optional<ChildProcess> read(Path file) {
        try {
            Map<String, String> fields = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    fields.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return Optional.of(new ChildProcess(Long.parseLong(required(fields, "pid")), instant(fields.get("started")),
                    required(fields, "program"), Long.parseLong(required(fields, "owner")),
                    instant(fields.get("ownerStarted"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "unreadable process record " + file + ": " + e);
            return Optional.empty();
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private static Instant instant(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the process record " + file, e);
        }
    }

    /** Alive and, when both start times are known, started when recorded. */
    private static boolean sameProcess(ProcessHandle process, Instant recordedStart) {
        return process.isAlive() && (recordedStart == null || process.info().startInstant()
                .map(start -> Duration.between(start, recordedStart).abs().compareTo(SAME_START) <= 0)
                .orElse(true));
    }

    /**
     * Whether a process whose binary is {@code command} (as the OS reports it: a real, absolute path) runs
     * {@code program} (as configured: a name found on the PATH, or a path, perhaps a symlink).
     */
    static boolean runs(String command, String program) {
        Path running = Path.of(command.endsWith(DELETED) ? command.substring(0, command.length() - DELETED.length()) : command);
        Path configured = Path.of(program);
        if (running.equals(configured) || running.getFileName().equals(configured.getFileName())) {
            return true;
        }
        return realPath(configured).filter(real -> real.equals(realPath(running).orElse(running))).isPresent();
    }

    private static Optional<Path> realPath(Path program) {
        List<Path> candidates = new ArrayList<>();
        if (program.getNameCount() > 1 || program.isAbsolute()) {
            candidates.add(program);
        } else {
            String path = System.getenv("PATH");
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                candidates.add(Path.of(dir).resolve(program));
            }
        }
        for (Path candidate : candidates) {
            try {
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toRealPath());
                }
            } catch (IOException | RuntimeException e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    /** Kills the process and what it spawned (listed first: once it dies they are no longer its descendants). */
    private static boolean killTree(ProcessHandle process) {
        if (process.pid() == ProcessHandle.current().pid()) {
            return false;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean killed = process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        return killed;
    }
}
