package io.mediamill.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time a Linux process has used, split by what its threads do (read from {@code /proc}), so a benchmark
 * can show where the service's seconds go: reading requests, hashing and writing them, the JVM's own work,
 * and its child processes (ffprobe).
 */
final class ServiceCpu {

    static final String REQUESTS = "request threads (read)";
    static final String POOL = "managed pool (hash, write)";
    static final String JVM = "JIT and GC";
    static final String CHILDREN = "child processes (ffprobe)";
    static final String OTHER = "other";
    static final List<String> GROUPS = List.of(REQUESTS, POOL, JVM, CHILDREN, OTHER);

    /** Linux reports process times in USER_HZ ticks, 100 per second on every architecture it runs on. */
    private static final double CLOCK_TICKS = 100;

    private final Path proc;

    ServiceCpu(long pid) {
        this.proc = Path.of("/proc", String.valueOf(pid));
    }

    /** Seconds used so far, by group; "other" also holds threads that have ended since the process started. */
    Map<String, Double> seconds() {
        Map<String, Double> byGroup = new LinkedHashMap<>();
        GROUPS.forEach(group -> byGroup.put(group, 0.0));
        long[] process = times(read(proc.resolve("stat")));
        double threads = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                long[] times = times(stat);
                double seconds = (times[0] + times[1]) / CLOCK_TICKS;
                byGroup.merge(group(threadName(stat)), seconds, Double::sum);
                threads += seconds;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service's threads", e);
        }
        byGroup.put(CHILDREN, (process[2] + process[3]) / CLOCK_TICKS);
        byGroup.merge(OTHER, (process[0] + process[1]) / CLOCK_TICKS - threads, Double::sum);
        return byGroup;
    }

    /** All of it: the process's own time and its reaped children's. */
    static double total(Map<String, Double> seconds) {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The thread's name as the kernel keeps it (at most 15 characters), which may itself hold parentheses. */
    static String threadName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime, stime, cutime and cstime in ticks: fields 14 to 17 of proc(5)'s stat line. */
    static long[] times(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14])};
    }

    /**
     * Both servers' names: request workers are Undertow's "default task-N" on WildFly and Grizzly's
     * "http-thread-pool::…" on Payara; the EE pool's are "EE-ManagedExecutorService-…" and
     * "concurrent/__defaultManagedExecutorService-…" (the kernel keeps the first 15 characters).
     */
    static String group(String threadName) {
        if (threadName.startsWith("default task") || threadName.startsWith("http-thread-poo")) {
            return REQUESTS;
        }
        if (threadName.startsWith("EE-Managed") || threadName.startsWith("concurrent/__de")) {
            return POOL;
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler") || threadName.startsWith("G1 ")
                || threadName.startsWith("GC ") || threadName.equals("VM Thread")) {
            return JVM;
        }
        return OTHER;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
