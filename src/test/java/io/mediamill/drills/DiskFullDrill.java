package io.mediamill.drills;

import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.SyncedNodes;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The disk-full drill: a node of its own whose media volume is a tmpfs of a few megabytes. A video whose ladder
 * does not fit, an upload larger than the room left (sent chunked, so no declared length warns the service), and
 * then room given back: each failure must say why and leave nothing half-written, and the video must recover.
 */
final class DiskFullDrill {

    private static final String GROUP = "fault";
    private static final long RESERVE = 1 << 20;

    private final DrillEnvironment environment;
    private final TestMedia media = new TestMedia();

    DiskFullDrill(DrillEnvironment environment) {
        this.environment = environment;
    }

    List<DrillResult> run() {
        String drill = "disk full on the media volume";
        String did = "a node on a " + (environment.smallVolume() == null ? "?" : "24 MiB tmpfs")
                + " volume: fill it, let a ladder and a chunked upload run out of room, then free it";
        String expected = "a FAILED attempt saying the disk is full, 507 for the upload, health DOWN, no partial "
                + "files; once freed the video READY with a byte-identical original";
        if (environment.smallVolume() == null) {
            return List.of(DrillResult.of(GROUP, drill, did, expected, "no small volume could be mounted (needs root)", false));
        }
        return List.of(DrillResult.run(GROUP, drill, did, expected, this::drill));
    }

    private DrillResult.Saw drill() throws Exception {
        Path volume = environment.smallVolume().resolve("media");
        Path home = environment.home().resolveSibling(environment.home().getFileName() + "-disk");
        ServerNode node = SyncedNodes.node(environment.node(), home, "drills-disk", environment.port() + 10, 0, Map.of(),
                        environment.databaseUrl("mediamill_drills_disk"))
                .with(Map.of("MEDIAMILL_MEDIA_DIR", volume.toString(), "MEDIAMILL_DISK_MIN_FREE_BYTES", String.valueOf(RESERVE),
                        "MEDIAMILL_RETRY_BACKOFF_SECONDS", "3", "MEDIAMILL_MAX_ATTEMPTS", "10"))
                .start();
        try {
            return underFullDisk(node, volume);
        } finally {
            node.stop();
        }
    }

    private DrillResult.Saw underFullDisk(ServerNode node, Path volume) throws Exception {
        MediamillClient client = MediamillClient.basicAs("admin", MediamillClient.adminPassword()).at(node.baseUrl());
        Path video = media.generate("disk-full-" + System.nanoTime() + ".mp4", 1280, 720, 12, true, "-c:v", "libx264",
                "-preset", "ultrafast", "-crf", "30", "-pix_fmt", "yuv420p", "-c:a", "aac");
        long videoBytes = Files.size(video);
        Path filler = volume.resolve("drill-filler.bin");
        fillLeaving(filler, volume, videoBytes + RESERVE + (2L << 20));

        List<String> saw = new ArrayList<>();
        boolean passed = true;
        String id = client.uploadVideo(video, "disk full");
        JsonObject firstFailure = awaitFirstFailure(client, id);
        String reason = firstFailure.getString("error", "");
        boolean says = reason.toLowerCase().contains("space") || reason.toLowerCase().contains("full");
        passed &= says;
        saw.add("attempt 1 " + firstFailure.getString("status") + ": " + cut(reason));

        Path topUp = volume.resolve("drill-filler-2.bin");
        fillLeaving(topUp, volume, RESERVE / 2);
        int health = client.get("/api/health").statusCode();
        saw.add("health with " + RESERVE / 2048 + " KiB free: " + health);
        passed &= health == 503;
        HttpResponse<String> chunked = chunkedUpload(client, 6L << 20);
        String detail = chunked.headers().firstValue("Content-Type").orElse("").contains("problem+json")
                ? MediamillClient.json(chunked.body()).getString("detail", "") : chunked.body();
        saw.add("chunked upload of 6 MiB: " + chunked.statusCode() + " " + cut(detail));
        passed &= chunked.statusCode() == 507;
        List<Path> leftovers = leftovers(volume.resolve("incoming"));
        saw.add("left in incoming: " + leftovers.size());
        passed &= leftovers.isEmpty();

        Files.delete(topUp);
        Files.delete(filler);
        JsonObject after = client.awaitStatus(id, Set.of("READY", "FAILED"), Duration.ofMinutes(5));
        saw.add("once freed: " + after.getString("status"));
        passed &= after.getString("status").equals("READY");
        if (after.getString("status").equals("READY")) {
            boolean same = sha256(video).equals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(client.getBytes("/api/videos/" + id + "/original").body())));
            media.decodeFully(node.baseUrl() + after.getString("mp4Url"));
            media.decodeFully(node.baseUrl() + after.getString("hlsUrl"));
            saw.add(same ? "original byte-identical, MP4 and HLS decode whole" : "original differs");
            passed &= same;
        }
        return new DrillResult.Saw(passed, String.join("; ", saw));
    }

    /** Writes a file that leaves {@code room} bytes free on the volume (a tmpfs: what is written is what is taken). */
    private static void fillLeaving(Path filler, Path volume, long room) throws IOException {
        Files.createDirectories(volume);
        long free = Files.getFileStore(volume).getUsableSpace();
        try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[1 << 20];
            long toWrite = Math.max(0, free - room);
            for (long written = 0; written < toWrite; written += block.length) {
                file.write(block, 0, (int) Math.min(block.length, toWrite - written));
            }
        }
    }

    private static JsonObject awaitFirstFailure(MediamillClient client, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> attempts = client.get("/api/videos/" + id + "/attempts");
            List<JsonObject> list = MediamillClient.json("{\"a\":" + attempts.body() + "}").getJsonArray("a")
                    .getValuesAs(JsonObject.class);
            if (!list.isEmpty() && !list.get(0).getString("status").equals("STARTED")) {
                return list.get(0);
            }
            JsonObject video = client.video(id);
            if (video.getString("status").equals("READY")) {
                throw new IllegalStateException("the video fit on the full volume: " + video);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("video " + id + " neither failed nor finished");
    }

    /** A multipart upload sent without Content-Length (chunked), so only the disk itself can stop it. */
    private static HttpResponse<String> chunkedUpload(MediamillClient client, long bytes) {
        String boundary = "drill-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                long total = head.length + bytes + tail.length;
                if (position >= total) {
                    return -1;
                }
                int n = (int) Math.min(length, total - position);
                for (int i = 0; i < n; i++) {
                    long at = position + i;
                    buffer[offset + i] = at < head.length ? head[(int) at]
                            : at < head.length + bytes ? (byte) (at * 31) : tail[(int) (at - head.length - bytes)];
                }
                position += n;
                return n;
            }
        });
        return client.send("POST", "/api/videos", body, "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private static List<Path> leftovers(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (var files = Files.walk(incoming)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String cut(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }
}
