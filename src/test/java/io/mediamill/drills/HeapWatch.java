package io.mediamill.drills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server JVM's heap over a drill, sampled every half second by {@code jstat -gc} (the JDK's own tool): the
 * most that was in use at once, beside the most the heap could grow to.
 */
final class HeapWatch {

    private final Process jstat;
    private final Thread reader;
    private final AtomicLong peakUsedKb = new AtomicLong();
    private final AtomicLong capacityKb = new AtomicLong();

    private HeapWatch(Process jstat) {
        this.jstat = jstat;
        this.reader = new Thread(this::read, "heap-watch");
        reader.setDaemon(true);
        reader.start();
    }

    static HeapWatch start(long pid) {
        try {
            Process jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "500").redirectErrorStream(true).start();
            return new HeapWatch(jstat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jstat (a JDK's bin on PATH)", e);
        }
    }

    /** Columns of jstat -gc: S0C S1C S0U S1U EC EU OC OU ... (KB); used is S0U + S1U + EU + OU. */
    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            String[] header = null;
            String line;
            while ((line = lines.readLine()) != null) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 0 && fields[0].equals("S0C")) {
                    header = fields;
                    continue;
                }
                if (header == null || fields.length != header.length) {
                    continue;
                }
                double used = 0;
                double capacity = 0;
                for (int i = 0; i < header.length; i++) {
                    switch (header[i]) {
                        case "S0U", "S1U", "EU", "OU" -> used += Double.parseDouble(fields[i]);
                        case "S0C", "S1C", "EC", "OC" -> capacity += Double.parseDouble(fields[i]);
                        default -> { }
                    }
                }
                peakUsedKb.accumulateAndGet((long) used, Math::max);
                capacityKb.accumulateAndGet((long) capacity, Math::max);
            }
        } catch (IOException | NumberFormatException e) {
            // jstat stopped: the figures so far stand.
        }
    }

    Peak stop() throws InterruptedException {
        jstat.destroy();
        jstat.waitFor(10, TimeUnit.SECONDS);
        reader.join(10_000);
        if (peakUsedKb.get() == 0) {
            throw new IllegalStateException("jstat read nothing from the server's JVM");
        }
        return new Peak(peakUsedKb.get() * 1024, capacityKb.get() * 1024);
    }

    /** The most heap in use at one sample, and the largest the heap's spaces were then. */
    record Peak(long usedBytes, long committedBytes) {

        @Override
        public String toString() {
            return "peak " + (usedBytes >> 20) + " MiB in use of " + (committedBytes >> 20) + " MiB committed";
        }
    }
}
