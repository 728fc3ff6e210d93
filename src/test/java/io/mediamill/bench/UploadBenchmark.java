package io.mediamill.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import io.mediamill.infrastructure.storage.ContentHash;
import io.mediamill.infrastructure.storage.HashingFileWriter;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures, side by side in one run: upload throughput through multipart {@code POST /api/videos} and
 * through tus (one creation, one PATCH) ÷ the same bytes POSTed to a raw loopback sink that only reads and
 * discards them. Two more sinks in the same bare JDK server split the gap: one that also computes SHA-256 as
 * the bytes arrive, and one that stores them with the service's own {@link HashingFileWriter} (SHA-256 and the
 * file on disk, the least any receiver meeting the upload rules must do). Next to that, the CPU each side spends
 * per GiB (client, sinks, the service by thread), what SHA-256 alone costs, and the service's peak heap
 * (sampled with jstat) during 4 GiB uploads next to a small one, to show heap use does not grow with file
 * size. The uploads are real media (uncompressed video made by ffmpeg, so the size is exact and making it is
 * quick): the service takes them the way it takes any video, and each video is deleted right after its upload
 * so no processing competes with the next measurement.
 */
public final class UploadBenchmark {

    private static final long MIB = 1L << 20;
    private static final double GIB = 1L << 30;

    /** HTTP/1.1 as browsers and tus clients speak it: the JDK client would otherwise try cleartext HTTP/2. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long serverPid;
    private final ServiceCpu serverCpu;

    /**
     * One measured upload: its speed, the CPU seconds per GiB spent by this process, and by the service's
     * process in all and by what its threads do.
     */
    private record Run(double mibPerSecond, double localCpuPerGib, Map<String, Double> serverCpuPerGib) {

        double serverCpuPerGibInAll() {
            return ServiceCpu.total(serverCpuPerGib);
        }
    }

    private UploadBenchmark(long serverPid) {
        this.serverPid = serverPid;
        this.serverCpu = new ServiceCpu(serverPid);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("mediamill.it.work", System.getProperty("mediamill.bench.work", "target/bench"));
        List<Long> sizes = Stream.of(System.getProperty("mediamill.bench.uploadMiB", "512,2048").split(","))
                .map(String::strip).map(Long::valueOf).toList();
        new UploadBenchmark(Long.parseLong(System.getProperty("mediamill.bench.serverPid"))).run(
                Integer.parseInt(System.getProperty("mediamill.bench.rounds", "3")), sizes,
                Long.parseLong(System.getProperty("mediamill.bench.largeMiB", "4096")));
    }

    private void run(int rounds, List<Long> sizesMib, long largeMib) throws Exception {
        HttpServer sink = sink(Path.of(System.getProperty("mediamill.it.work")));
        String sinkUrl = "http://127.0.0.1:" + sink.getAddress().getPort() + "/sink";
        System.out.printf(Locale.ROOT, "Mediamill upload benchmark on %s: uncompressed video over loopback, best of %d rounds, "
                + "%d cores%n", System.getProperty("mediamill.bench.server", "the server"), rounds,
                Runtime.getRuntime().availableProcessors());
        try {
            warmUp(sinkUrl);
            for (long mib : sizesMib) {
                throughput(sinkUrl, rounds, mib);
            }
        } finally {
            sink.stop(0);
        }
        System.out.printf(Locale.ROOT, "%nSHA-256 alone (this JVM): %.2f CPU seconds per GiB%n", sha256CpuPerGib());

        Path small = rawVideo("heap-small.mkv", 64);
        Path large = rawVideo("heap-large.mkv", largeMib);
        try {
            System.out.println();
            System.out.printf(Locale.ROOT, "peak server heap (jstat, %s; -Xmx as the launcher sets it)%n", "every 100 ms");
            System.out.printf(Locale.ROOT, "  %-30s %8.0f MiB%n", "multipart, 64 MiB upload",
                    peakHeapMib(() -> deleteVideo(postMultipart(client.baseUrl() + "/api/videos", small), "Location")));
            System.out.printf(Locale.ROOT, "  %-30s %8.0f MiB%n", "multipart, " + largeMib + " MiB upload",
                    peakHeapMib(() -> deleteVideo(postMultipart(client.baseUrl() + "/api/videos", large), "Location")));
            System.out.printf(Locale.ROOT, "  %-30s %8.0f MiB%n", "tus, " + largeMib + " MiB upload",
                    peakHeapMib(() -> deleteVideo(tusUpload(large), "Video-Location")));
        } finally {
            Files.deleteIfExists(small);
            Files.deleteIfExists(large);
        }
    }

    /**
     * One upload size: the three ways side by side, then the CPU each side spent per GiB in those runs (the
     * client and sink share this process; the service's figure includes its ffprobe). Each size shows how
     * much of the gap is per upload (validating and recording it) and how much per byte.
     */
    private void throughput(String sinkUrl, int rounds, long mib) throws IOException {
        Path file = rawVideo("upload-" + mib + ".mkv", mib);
        Run raw = null;
        Run hashing = null;
        Run storing = null;
        Run multipart = null;
        Run tus = null;
        try {
            for (int round = 1; round <= rounds; round++) {
                raw = faster(raw, measure(file, () -> postMultipart(sinkUrl, file), null));
                hashing = faster(hashing, measure(file, () -> postMultipart(sinkUrl + "?hash", file), null));
                storing = faster(storing, measure(file, () -> postMultipart(sinkUrl + "?store", file), null));
                multipart = faster(multipart, measure(file, () -> postMultipart(client.baseUrl() + "/api/videos", file), "Location"));
                tus = faster(tus, measure(file, () -> tusUpload(file), "Video-Location"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %12s %12s %7s %7s%n", mib + " MiB", "measured", "baseline", "ratio", "goal");
        row("multipart upload ÷ raw loopback sink", multipart, raw);
        row("tus upload ÷ raw loopback sink", tus, raw);
        row("hashing sink ÷ raw loopback sink", hashing, raw);
        row("storing sink ÷ raw loopback sink", storing, raw);
        row("multipart upload ÷ storing sink", multipart, storing);
        row("tus upload ÷ storing sink", tus, storing);
        System.out.printf(Locale.ROOT, "  CPU s/GiB: client + sink %.2f, + hashing sink %.2f, + storing sink %.2f; multipart client %.2f,"
                + " service %.2f; tus client %.2f, service %.2f%n",
                raw.localCpuPerGib(), hashing.localCpuPerGib(), storing.localCpuPerGib(), multipart.localCpuPerGib(), multipart.serverCpuPerGibInAll(),
                tus.localCpuPerGib(), tus.serverCpuPerGibInAll());
        System.out.printf(Locale.ROOT, "  service CPU s/GiB by thread (multipart, tus): %s%n", byThread(multipart, tus));
    }

    private static String byThread(Run multipart, Run tus) {
        return ServiceCpu.GROUPS.stream()
                .map(group -> String.format(Locale.ROOT, "%s %.2f, %.2f", group, multipart.serverCpuPerGib().get(group),
                        tus.serverCpuPerGib().get(group)))
                .collect(Collectors.joining("; "));
    }

    /**
     * Runs every path unmeasured first: a freshly started server spends seconds compiling its code (JIT) during
     * its first uploads, which is start-up, not upload cost. The code each upload runs once (validating,
     * recording, starting and stopping its job) needs dozens of uploads before it is compiled, hence the small ones.
     */
    private void warmUp(String sinkUrl) throws IOException {
        Path small = rawVideo("warm-up-small.mkv", 8);
        Path file = rawVideo("warm-up.mkv", 128);
        try {
            for (int i = 0; i < 30; i++) {
                deleteVideo(postMultipart(client.baseUrl() + "/api/videos", small), "Location", 0);
                deleteVideo(tusUpload(small), "Video-Location", 0);
            }
            for (int i = 0; i < 3; i++) {
                for (String sink : List.of(sinkUrl, sinkUrl + "?hash", sinkUrl + "?store")) {
                    postMultipart(sink, file);
                }
                deleteVideo(postMultipart(client.baseUrl() + "/api/videos", file), "Location");
                deleteVideo(tusUpload(file), "Video-Location");
            }
        } finally {
            Files.deleteIfExists(small);
            Files.deleteIfExists(file);
        }
        System.out.println("  warmed up");
    }

    /** Uncompressed 720p video in Matroska of about {@code mib} MiB: real media whose size is chosen exactly. */
    private Path rawVideo(String name, long mib) {
        double frameBytes = 1280 * 720 * 1.5;
        double seconds = Math.ceil(mib * MIB / frameBytes) / 25.0;
        return media.generate(name, 1280, 720, seconds, false, "-c:v", "rawvideo", "-pix_fmt", "yuv420p", "-f", "matroska");
    }

    /**
     * A JDK HTTP server that reads every request body and throws the bytes away: the fastest a receiver can be.
     * With {@code ?hash} it also computes the body's SHA-256 as it reads (on the reading thread: with the client
     * taking one of two cores, that measured faster here than handing blocks to a second thread). With
     * {@code ?store} it stores the body the way the service does, with the service's own
     * {@link HashingFileWriter} (SHA-256 and the file on this volume), and deletes the file afterwards.
     */
    private static HttpServer sink(Path directory) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HashingFileWriter writer = new HashingFileWriter(Executors.newCachedThreadPool(daemon("sink-store")));
        server.createContext("/sink", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String query = exchange.getRequestURI().getQuery();
                if ("hash".equals(query)) {
                    readHashing(body);
                } else if ("store".equals(query)) {
                    Path file = Files.createTempFile(directory, "sink-", ".bin");
                    try {
                        writer.write(body, file, 0, Long.MAX_VALUE, List.of(ContentHash.newDigest()));
                    } finally {
                        Files.delete(file);
                    }
                } else {
                    byte[] buffer = new byte[256 * 1024];
                    while (body.read(buffer) >= 0) {
                        // discard
                    }
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // Daemon threads: exec:java waits for every other thread before it returns.
        server.setExecutor(Executors.newFixedThreadPool(2, daemon("sink")));
        server.start();
        return server;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void readHashing(InputStream body) throws IOException {
        MessageDigest sha256 = ContentHash.newDigest();
        byte[] block = new byte[1 << 20];
        for (int length = body.readNBytes(block, 0, block.length); length > 0; length = body.readNBytes(block, 0, block.length)) {
            sha256.update(block, 0, length);
        }
        sha256.digest();
    }

    private HttpResponse<String> postMultipart(String url, Path file) {
        String boundary = "----bench-" + UUID.randomUUID();
        // The same signed-in request to every receiver, so the sinks and the service read the same bytes.
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", client.authorization())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                                + "filename=\"bench.mkv\"\r\nContent-Type: video/x-matroska\r\n\r\n"),
                        ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        return send(request);
    }

    private HttpResponse<String> tusUpload(Path file) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/uploads"))
                .header("Authorization", client.authorization()).header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(size(file)))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        String location = created.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(created.body()));
        return send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", client.authorization())
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream").method("PATCH", ofFile(file)).build());
    }

    /** Deletes the video an upload made (stopping its processing), so the next measurement has the CPU to itself. */
    private void deleteVideo(HttpResponse<String> uploaded, String header) {
        deleteVideo(uploaded, header, 1000);
    }

    private void deleteVideo(HttpResponse<String> uploaded, String header, long settleMillis) {
        String video = uploaded.headers().firstValue(header).orElseThrow(() -> new IllegalStateException(
                "the upload answered " + uploaded.statusCode() + " without " + header + ": " + uploaded.body()));
        if (uploaded.statusCode() != 201 && uploaded.statusCode() != 204) {
            throw new IllegalStateException("the upload was not taken as a new video: " + uploaded.statusCode() + " " + uploaded.body());
        }
        client.delete(URI.create(video).getPath());
        sleep(settleMillis);
    }

    /** Times one upload up to its answer, then deletes the video it made (named by {@code videoHeader}), if any. */
    private Run measure(Path file, Supplier<HttpResponse<String>> upload, String videoHeader) {
        double gib = size(file) / GIB;
        long localCpu = os.getProcessCpuTime();
        Map<String, Double> serverBefore = serverCpu.seconds();
        long started = System.nanoTime();
        HttpResponse<String> answer = upload.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        double localSeconds = (os.getProcessCpuTime() - localCpu) / 1e9;
        Map<String, Double> serverPerGib = new LinkedHashMap<>();
        serverCpu.seconds().forEach((group, after) -> serverPerGib.put(group, (after - serverBefore.get(group)) / gib));
        if (videoHeader != null) {
            deleteVideo(answer, videoHeader);
        }
        return new Run(size(file) / (double) MIB / seconds, localSeconds / gib, serverPerGib);
    }

    private static Run faster(Run best, Run candidate) {
        return best == null || candidate.mibPerSecond() > best.mibPerSecond() ? candidate : best;
    }

    /** What hashing alone costs here: the service must spend at least this per GiB on top of receiving it. */
    private double sha256CpuPerGib() {
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            MessageDigest sha256 = ContentHash.newDigest();
            long cpu = os.getProcessCpuTime();
            for (int i = 0; i < 1024; i++) {
                sha256.update(block);
            }
            sha256.digest();
            best = Math.min(best, (os.getProcessCpuTime() - cpu) / 1e9);
        }
        return best;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Samples the server JVM's used heap (survivors + eden + old) while the upload runs, after a full
     * collection in the server so garbage left by earlier measurements does not count.
     */
    private double peakHeapMib(Runnable upload) throws Exception {
        Process collect = new ProcessBuilder("jcmd", String.valueOf(serverPid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (collect.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.run failed for the service (pid " + serverPid + ")");
        }
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

    private static void row(String name, Run measured, Run baseline) {
        System.out.printf(Locale.ROOT, "%-44s %7.0f MiB/s %7.0f MiB/s %7.3f %7s%n", name, measured.mibPerSecond(),
                baseline.mibPerSecond(), measured.mibPerSecond() / baseline.mibPerSecond(), "≥ 0.90");
    }
}
