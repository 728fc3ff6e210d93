package io.mediamill.bench;

import com.sun.net.httpserver.HttpServer;
import io.mediamill.testing.MediamillClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures, side by side in one run: upload throughput through multipart {@code POST /api/videos} and
 * through tus (one creation, one PATCH) ÷ the same bytes POSTed to a raw loopback sink that only reads and
 * discards them; and the service's peak heap (sampled with jstat) during 4 GiB uploads next to a small one,
 * to show heap use does not grow with file size. The bytes are random, so the service refuses them after
 * they have all arrived (ffprobe finds no media): what is measured is the upload path itself.
 */
public final class UploadBenchmark {

    private static final long MIB = 1L << 20;

    /** HTTP/1.1 as browsers and tus clients speak it: the JDK client would otherwise upgrade to cleartext HTTP/2. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MediamillClient client = new MediamillClient();
    private final Path work;
    private final long serverPid;

    private UploadBenchmark(Path work, long serverPid) {
        this.work = work;
        this.serverPid = serverPid;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("mediamill.bench.work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        new UploadBenchmark(work, Long.parseLong(System.getProperty("mediamill.bench.serverPid"))).run(
                Integer.parseInt(System.getProperty("mediamill.bench.rounds", "3")),
                Long.parseLong(System.getProperty("mediamill.bench.uploadMiB", "512")),
                Long.parseLong(System.getProperty("mediamill.bench.largeMiB", "4096")));
    }

    private void run(int rounds, long mib, long largeMib) throws Exception {
        Path file = randomFile("upload-" + mib + "MiB.bin", mib * MIB);
        HttpServer sink = sink();
        String sinkUrl = "http://127.0.0.1:" + sink.getAddress().getPort() + "/sink";
        System.out.printf(Locale.ROOT, "Mediamill upload benchmark: %d MiB of random bytes over loopback, best of %d rounds, "
                + "%d cores%n", mib, rounds, Runtime.getRuntime().availableProcessors());
        double raw = 0;
        double multipart = 0;
        double tus = 0;
        try {
            for (int round = 1; round <= rounds; round++) {
                raw = Math.max(raw, mibPerSecond(file, () -> postMultipart(sinkUrl, file)));
                multipart = Math.max(multipart, mibPerSecond(file, () -> postMultipart(client.baseUrl() + "/api/videos", file)));
                tus = Math.max(tus, mibPerSecond(file, () -> tusUpload(file)));
                System.out.printf(Locale.ROOT, "  round %d done%n", round);
            }
        } finally {
            sink.stop(0);
            Files.deleteIfExists(file);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %12s %12s %7s %7s%n", "", "measured", "baseline", "ratio", "goal");
        row("multipart upload ÷ raw loopback sink", multipart, raw);
        row("tus upload ÷ raw loopback sink", tus, raw);

        Path small = randomFile("heap-64MiB.bin", 64 * MIB);
        Path large = randomFile("heap-" + largeMib + "MiB.bin", largeMib * MIB);
        try {
            System.out.println();
            System.out.printf(Locale.ROOT, "peak server heap (jstat, %s; -Xmx from WildFly's standalone.conf)%n", "every 100 ms");
            System.out.printf(Locale.ROOT, "  %-30s %8.0f MiB%n", "multipart, 64 MiB upload", peakHeapMib(() -> postMultipart(client.baseUrl() + "/api/videos", small)));
            System.out.printf(Locale.ROOT, "  %-30s %8.0f MiB%n", "multipart, " + largeMib + " MiB upload", peakHeapMib(() -> postMultipart(client.baseUrl() + "/api/videos", large)));
            System.out.printf(Locale.ROOT, "  %-30s %8.0f MiB%n", "tus, " + largeMib + " MiB upload", peakHeapMib(() -> tusUpload(large)));
        } finally {
            Files.deleteIfExists(small);
            Files.deleteIfExists(large);
        }
    }

    /** A JDK HTTP server that reads every request body and throws the bytes away: the fastest a receiver can be. */
    private static HttpServer sink() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sink", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] buffer = new byte[256 * 1024];
                while (body.read(buffer) >= 0) {
                    // discard
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // Daemon threads: exec:java waits for every other thread before it returns.
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "sink");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    private void postMultipart(String url, Path file) {
        String boundary = "----bench-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                                + "filename=\"bench.mp4\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
                        ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        send(request);
    }

    private void tusUpload(Path file) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/uploads"))
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(size(file)))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        String location = created.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(created.body()));
        send(HttpRequest.newBuilder(URI.create(location)).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream").method("PATCH", ofFile(file)).build());
    }

    private double mibPerSecond(Path file, Runnable upload) {
        long started = System.nanoTime();
        upload.run();
        return size(file) / (double) MIB / ((System.nanoTime() - started) / 1e9);
    }

    /** Samples the server JVM's used heap (survivors + eden + old) while the upload runs. */
    private double peakHeapMib(Runnable upload) throws Exception {
        System.gc();
        Process jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(serverPid), "100").redirectErrorStream(true).start();
        AtomicLong peakKib = new AtomicLong();
        ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
        reader.execute(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> header = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    List<String> cells = List.of(line.strip().split("\\s+"));
                    if (cells.contains("EU")) {
                        header = cells;
                    } else if (header != null && cells.size() == header.size()) {
                        double used = 0;
                        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                            used += Double.parseDouble(cells.get(header.indexOf(column)));
                        }
                        peakKib.accumulateAndGet((long) used, Math::max);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            Thread.sleep(300);
            upload.run();
            Thread.sleep(300);
        } finally {
            jstat.destroy();
            reader.shutdown();
            reader.awaitTermination(5, TimeUnit.SECONDS);
        }
        return peakKib.get() / 1024.0;
    }

    private Path randomFile(String name, long bytes) throws IOException {
        Path file = work.resolve(name);
        byte[] block = new byte[(int) MIB];
        Random random = new Random(name.hashCode());
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
        return file;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(String name, double measured, double baseline) {
        System.out.printf(Locale.ROOT, "%-40s %7.0f MiB/s %7.0f MiB/s %7.3f %7s%n", name, measured, baseline, measured / baseline, "≥ 0.90");
    }
}
