package io.mediamill.drills;

import io.mediamill.testing.Await;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.TestDatabase;
import io.mediamill.testing.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The fault drills: the server and ffmpeg SIGKILLed mid-transcode, the database restarted under an upload and
 * under a job, and upload connections cut at random points; each checks that nothing is lost or done twice.
 */
final class FaultDrills {

    private static final String GROUP = "fault";
    private static final Duration LONG = Duration.ofMinutes(8);

    private final DrillEnvironment environment;
    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();
    private final List<DrillResult> results = new ArrayList<>();

    FaultDrills(DrillEnvironment environment) {
        this.environment = environment;
    }

    /** The fault drills' keys, for running some alone ({@code MEDIAMILL_DRILLS_ONLY=disk-full,two-nodes}). */
    static final List<String> KEYS = List.of("server-kill", "ffmpeg-kill", "db-job", "db-upload", "cut-upload",
            "disk-full", "two-nodes");

    List<DrillResult> run() {
        drill("server-kill", "server SIGKILLed mid-transcode", "SIGKILL the server's JVM while the ladder's ffmpeg runs, "
                + "start it again", "the video READY after the restart, one COMPLETED attempt, no ffmpeg left", this::serverKilled);
        drill("ffmpeg-kill", "ffmpeg SIGKILLed", "SIGKILL the ladder's ffmpeg mid-run", "a FAILED attempt saying so, then READY",
                this::ffmpegKilled);
        drill("db-job", "database restarted mid-job", "stop MariaDB for 10 s while the ladder runs, start it again",
                "503 while down, the video READY once it is back, one COMPLETED attempt", this::databaseMidJob);
        drill("db-upload", "database restarted mid-upload", "stop MariaDB between two tus PATCHes, resume after it is back",
                "503 while down, the upload resumes to one READY video", this::databaseMidUpload);
        drill("cut-upload", "upload connection cut", "cut a tus PATCH's connection at " + environment.pick(4, 12)
                + " random points, resume each time", "a byte-identical original, READY", this::cutUploads);
        if (environment.wants(GROUP, "disk-full")) {
            results.addAll(new DiskFullDrill(environment).run());
        }
        if (environment.wants(GROUP, "two-nodes")) {
            results.addAll(new TwoNodeDrill(environment).run());
        }
        return results;
    }

    private DrillResult.Saw serverKilled() {
        String id = client.uploadVideo(longVideo("killed-server"), "killed server");
        awaitLadderRunning(id);
        ServerNode node = environment.node();
        node.crash();
        awaitNoFfmpeg(id);
        node.start();
        JsonObject video = client.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        List<String> attempts = attemptStatuses(id);
        boolean once = attempts.stream().filter("COMPLETED"::equals).count() == 1;
        return new DrillResult.Saw(video.getString("status").equals("READY") && once,
                video.getString("status") + " after the restart; attempts " + attempts);
    }

    private DrillResult.Saw ffmpegKilled() {
        String id = client.uploadVideo(longVideo("killed-ffmpeg"), "killed ffmpeg");
        awaitLadderRunning(id);
        ServerNode.processesMentioning("ffmpeg", id).forEach(ProcessHandle::destroyForcibly);
        JsonObject video = client.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        List<JsonObject> attempts = attempts(id);
        String firstError = attempts.isEmpty() ? "" : attempts.get(0).getString("error", "");
        boolean retried = attempts.size() >= 2 && attempts.get(0).getString("status").equals("FAILED")
                && firstError.contains("ffmpeg");
        return new DrillResult.Saw(video.getString("status").equals("READY") && retried,
                video.getString("status") + "; attempts " + attemptStatuses(id) + "; first error: " + firstError);
    }

    private DrillResult.Saw databaseMidJob() throws InterruptedException {
        String id = client.uploadVideo(longVideo("database-job"), "database mid-job");
        awaitLadderRunning(id);
        int whileDown;
        try (TestDatabase.Outage outage = TestDatabase.stop()) {
            whileDown = client.get("/api/videos/" + id).statusCode();
            Thread.sleep(10_000);
        }
        JsonObject video = client.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        List<String> attempts = attemptStatuses(id);
        boolean once = attempts.stream().filter("COMPLETED"::equals).count() == 1;
        return new DrillResult.Saw(whileDown == 503 && video.getString("status").equals("READY") && once,
                "GET while down: " + whileDown + "; then " + video.getString("status") + "; attempts " + attempts);
    }

    private DrillResult.Saw databaseMidUpload() {
        byte[] file = read(media.mp4("database-upload-" + System.nanoTime() + ".mp4", 640, 360, 6));
        String title = "database mid-upload " + System.nanoTime();
        String upload = createUpload(file.length, title);
        int half = file.length / 2;
        int first = patch(upload, 0, Arrays.copyOfRange(file, 0, half)).statusCode();
        int whileDown;
        try (TestDatabase.Outage outage = TestDatabase.stop()) {
            whileDown = patch(upload, half, Arrays.copyOfRange(file, half, file.length)).statusCode();
        }
        long offset = awaitOffset(upload);
        int last = patch(upload, offset, Arrays.copyOfRange(file, (int) offset, file.length)).statusCode();
        List<String> ids = videosTitled(title);
        boolean one = ids.size() == 1;
        String status = one ? client.awaitStatus(ids.get(0), Set.of("READY", "FAILED"), LONG).getString("status") : "-";
        boolean same = one && Arrays.equals(digest(file), digest(original(ids.get(0))));
        return new DrillResult.Saw(first == 204 && whileDown == 503 && last == 204 && one && status.equals("READY") && same,
                "PATCH before: " + first + ", while down: " + whileDown + ", after (from " + offset + "): " + last
                        + "; videos with its title: " + ids.size() + ", " + status + (same ? ", original identical" : ""));
    }

    private DrillResult.Saw cutUploads() throws IOException {
        byte[] file = read(media.mp4("cut-upload-" + System.nanoTime() + ".mp4", 1280, 720, 6));
        String title = "cut upload " + System.nanoTime();
        String upload = createUpload(file.length, title);
        Random random = new Random(file.length);
        List<String> cuts = new ArrayList<>();
        for (int cut = 0; cut < environment.pick(4, 12); cut++) {
            long offset = settledOffset(upload);
            int sent = (int) offset + random.nextInt(Math.max(1, (file.length - (int) offset) / 2));
            boolean reset = cut % 2 == 0;
            cutPatch(upload, offset, file, sent, reset);
            cuts.add((reset ? "reset" : "closed") + " at " + sent + " → " + settledOffset(upload));
        }
        // As a tus client does: ask where the upload stands, send the rest, and ask again on a 409.
        int last = 0;
        int conflicts = 0;
        for (int tries = 0; tries < 5 && last != 204; tries++) {
            long offset = settledOffset(upload);
            last = patch(upload, offset, Arrays.copyOfRange(file, (int) offset, file.length)).statusCode();
            conflicts += last == 409 ? 1 : 0;
        }
        List<String> ids = videosTitled(title);
        boolean one = ids.size() == 1;
        String status = one ? client.awaitStatus(ids.get(0), Set.of("READY", "FAILED"), LONG).getString("status") : "-";
        boolean same = one && Arrays.equals(digest(file), digest(original(ids.get(0))));
        return new DrillResult.Saw(last == 204 && one && status.equals("READY") && same,
                file.length + " bytes; cuts " + cuts + "; last PATCH " + last
                        + (conflicts == 0 ? "" : " after " + conflicts + " 409") + "; " + status
                        + (same ? ", original byte-identical" : ", original differs"));
    }

    /**
     * Sends a PATCH declaring the rest of the file, writes up to {@code until} and drops the connection: reset, as
     * a dropped network does (the server's kernel discards what it had not read yet), or closed, as a proxy that
     * gives up does (the server reads all that was sent, then meets the end early).
     */
    private void cutPatch(String upload, long offset, byte[] file, int until, boolean reset) throws IOException {
        URI base = URI.create(environment.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + upload + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: " + client.authorization() + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + (file.length - offset)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(file, (int) offset, until - (int) offset);
            out.flush();
            if (reset) {
                socket.setSoLinger(true, 0);
            } else {
                socket.shutdownOutput();
                socket.setSoTimeout(30_000);
                socket.getInputStream().readAllBytes(); // the server's answer, or its close
            }
        }
    }

    private String createUpload(long length, String title) {
        String metadata = "filename " + b64(title + ".mp4") + ",title " + b64(title);
        HttpResponse<String> created = client.call("POST", "/api/uploads", null, "Tus-Resumable", "1.0.0",
                "Upload-Length", String.valueOf(length), "Upload-Metadata", metadata);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the upload answered " + created.statusCode() + ": " + created.body());
        }
        return URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private HttpResponse<String> patch(String upload, long offset, byte[] body) {
        return client.send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(body), "Tus-Resumable", "1.0.0",
                "Upload-Offset", String.valueOf(offset), "Content-Type", "application/offset+octet-stream");
    }

    /** The upload's offset once the service answers for it (it may hold a cut request's lock for a moment). */
    private long awaitOffset(String upload) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            HttpResponse<String> head = client.send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0");
            if (head.statusCode() == 200) {
                return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("HEAD " + upload + " answered " + head.statusCode() + ": " + head.body());
            }
            Await.pause(250);
        }
    }

    /**
     * The offset once it stops moving: a cut request's last bytes may still be on their way into the upload
     * when the first HEAD answers.
     */
    private long settledOffset(String upload) {
        long before = awaitOffset(upload);
        while (true) {
            Await.pause(500);
            long now = awaitOffset(upload);
            if (now == before) {
                return now;
            }
            before = now;
        }
    }

    private List<String> videosTitled(String title) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> page = client.get("/api/videos?size=100");
            List<String> ids = new ArrayList<>();
            Json.createReader(new StringReader(page.body())).readObject().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(video -> title.equals(video.getString("title")))
                    .forEach(video -> ids.add(video.getString("id")));
            if (!ids.isEmpty() || Instant.now().isAfter(deadline)) {
                return ids;
            }
            Await.pause(250);
        }
    }

    private byte[] original(String id) {
        return client.getBytes("/api/videos/" + id + "/original").body();
    }

    private Path longVideo(String name) {
        return media.generate(name + "-" + System.nanoTime() + ".mp4", 1280, 720, environment.pick(16, 30), true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    private void awaitLadderRunning(String id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonObject video = client.video(id);
            if ("PROCESSING".equals(video.getString("status")) && video.getInt("progress") > 15
                    && !ServerNode.processesMentioning("ffmpeg", id).isEmpty()) {
                return;
            }
            if (Set.of("READY", "FAILED").contains(video.getString("status"))) {
                throw new IllegalStateException("video " + id + " finished before the fault: " + video);
            }
            Await.pause(200);
        }
        throw new IllegalStateException("the ladder of video " + id + " did not start");
    }

    private static void awaitNoFfmpeg(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!ServerNode.processesMentioning("ffmpeg", id).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ffmpeg of video " + id + " outlived its server");
            }
            Await.pause(200);
        }
    }

    private List<JsonObject> attempts(String id) {
        HttpResponse<String> answer = client.get("/api/videos/" + id + "/attempts");
        return Json.createReader(new StringReader(answer.body())).readArray().getValuesAs(JsonObject.class);
    }

    private List<String> attemptStatuses(String id) {
        return attempts(id).stream().map(attempt -> attempt.getString("status")).toList();
    }

    private void drill(String key, String drill, String did, String expected, DrillResult.Body body) {
        if (environment.wants(GROUP, key)) {
            results.add(DrillResult.run(GROUP, drill, did, expected, body));
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

}
