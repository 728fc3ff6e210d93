package io.mediamill.infrastructure.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.ServerNode;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The queue against what goes wrong in production: ffmpeg killed, the server SIGKILLed mid-transcode, two
 * nodes racing for the same tasks, a node dying while it works, a restart from the server's own CLI. Every
 * case ends with each video READY, processed by one attempt at a time, and no process of a dead server left.
 */
class QueueResilienceIT {

    private static final Duration LONG = Duration.ofMinutes(6);

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();

    @Test
    void ffmpegKilledMidJobIsAFailedAttemptThatIsRetried() {
        String id = client.uploadVideo(longVideo("killed-ffmpeg.mp4"), null);
        awaitLadderRunning(id);
        List<ProcessHandle> ffmpeg = ServerNode.processesMentioning("ffmpeg", id);
        assertFalse(ffmpeg.isEmpty(), "the ladder's ffmpeg runs");
        ffmpeg.forEach(ProcessHandle::destroyForcibly);

        client.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        assertEquals("READY", client.video(id).getString("status"));
        List<JsonObject> attempts = attempts(client, id);
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals("FAILED", attempts.get(0).getString("status"));
        assertEquals("renditions", attempts.get(0).getString("failedStep"));
        assertTrue(attempts.get(0).getString("error").contains("ffmpeg"), attempts.toString());
        assertEquals("COMPLETED", attempts.get(1).getString("status"));
    }

    @Test
    void aServerKilledMidTranscodeFinishesTheVideoAfterItsRestartAndLeavesNoFfmpeg() throws Exception {
        String id = client.uploadVideo(longVideo("killed-server.mp4"), null);
        awaitLadderRunning(id);
        assertFalse(ServerNode.processesMentioning("ffmpeg", id).isEmpty(), "the ladder's ffmpeg runs");

        ServerNode server = ServerNode.underTest();
        server.crash();
        awaitNone("ffmpeg", id, Duration.ofSeconds(15));
        server.start();

        JsonObject ready = client.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        assertEquals("READY", ready.getString("status"), ready.toString());
        List<JsonObject> attempts = attempts(client, id);
        assertEquals(List.of("FAILED", "COMPLETED"), attempts.stream().map(a -> a.getString("status")).toList(),
                attempts.toString());
        assertEquals("node", attempts.get(0).getString("failedStep"));
        assertNoLeftovers(id);
        media.decodeFully(client.baseUrl() + ready.getString("hlsUrl"));
    }

    @Test
    void twoNodesShareFiftyTasksRunningEachOnceAndTheLiveOneTakesOverFromTheDead() throws Exception {
        ServerNode first = ServerNode.underTest();
        ServerNode second = first.sibling(Path.of(System.getProperty("mediamill.it.home") + "-node2"),
                Integer.parseInt(first.baseUrl().replaceAll(".*:", "")) + 10).start();
        try {
            MediamillClient onSecond = client.at(second.baseUrl());
            List<String> race = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Path tiny = media.generate("race-" + i + ".mp4", 160, 90, 1, false,
                        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
                race.add((i % 2 == 0 ? client : onSecond).uploadVideo(tiny, "race " + i));
            }
            Set<String> nodes = new HashSet<>();
            for (String id : race) {
                JsonObject video = client.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
                assertEquals("READY", video.getString("status"), video.toString());
                List<JsonObject> attempts = attempts(client, id);
                assertEquals(1, attempts.size(), "video " + id + " ran once: " + attempts);
                nodes.add(attempts.get(0).getString("node"));
            }
            assertEquals(Set.of(first.nodeName(), second.nodeName()), nodes, "both nodes took work");

            List<String> longer = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                longer.add(onSecond.uploadVideo(longVideo("takeover-" + i + ".mp4"), "takeover " + i));
            }
            String onDeadNode = awaitAttemptRunningOn(second.nodeName(), longer);
            awaitLadderRunning(onDeadNode);
            second.crash();
            awaitNone("ffmpeg", onDeadNode, Duration.ofSeconds(15));

            for (String id : longer) {
                JsonObject video = client.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
                assertEquals("READY", video.getString("status"), video.toString());
                List<JsonObject> attempts = attempts(client, id);
                assertEquals(1, attempts.stream().filter(a -> a.getString("status").equals("COMPLETED")).count(),
                        attempts.toString());
                assertNoOverlap(attempts);
            }
            List<JsonObject> takenOver = attempts(client, onDeadNode);
            assertEquals("FAILED", takenOver.get(0).getString("status"), takenOver.toString());
            assertEquals("node", takenOver.get(0).getString("failedStep"));
            assertEquals(first.nodeName(), takenOver.get(takenOver.size() - 1).getString("node"));
            assertNoLeftovers(onDeadNode);
        } finally {
            second.stop();
        }
    }

    @Test
    void aRestartThroughWildFlysCliIsFollowedByTheVideo() throws Exception {
        assumeTrue("wildfly".equals(System.getProperty("mediamill.it.server")), "WildFly's management CLI");
        String id = client.uploadVideo(media.generate("cli-restart.mp4", 320, 180, 2, false,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"), null);
        Path blocker = Files.createDirectories(videoDir(id).resolve("download.mp4").resolve("blocker"));
        JsonObject failed = client.awaitStatus(id, Set.of("READY", "FAILED"), LONG);
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        Files.delete(blocker);
        Files.delete(blocker.getParent());
        List<JsonObject> before = attempts(client, id);
        long last = before.get(before.size() - 1).getJsonNumber("executionId").longValue();

        cli("/deployment=mediamill.war/subsystem=batch-jberet:restart-job(execution-id=" + last + ")");

        JsonObject ready = client.awaitStatus(id, Set.of("READY"), LONG);
        assertEquals(100, ready.getInt("progress"));
        List<JsonObject> after = attempts(client, id);
        assertEquals(before.size() + 1, after.size(), after.toString());
        assertEquals("COMPLETED", after.get(after.size() - 1).getString("status"));
    }

    private Path longVideo(String name) {
        return media.generate(name, 1280, 720, 30, true,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    /** Waits until the adaptive ladder's ffmpeg is under way (its progress reported). */
    private void awaitLadderRunning(String id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonObject video = client.video(id);
            if ("PROCESSING".equals(video.getString("status")) && video.getInt("progress") > 15
                    && !ServerNode.processesMentioning("ffmpeg", id).isEmpty()) {
                return;
            }
            assertFalse(Set.of("READY", "FAILED").contains(video.getString("status")), "finished too soon: " + video);
            sleep(200);
        }
        throw new AssertionError("the ladder of video " + id + " did not start");
    }

    private String awaitAttemptRunningOn(String node, List<String> ids) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            for (String id : ids) {
                List<JsonObject> attempts = attempts(client, id);
                if (!attempts.isEmpty() && attempts.get(attempts.size() - 1).getString("node").equals(node)
                        && attempts.get(attempts.size() - 1).getString("status").equals("STARTED")) {
                    return id;
                }
            }
            sleep(200);
        }
        throw new AssertionError("node " + node + " ran none of " + ids);
    }

    private static void awaitNone(String program, String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ServerNode.processesMentioning(program, id).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(program + " of video " + id + " outlived its server: "
                        + ServerNode.processesMentioning(program, id).stream().map(ProcessHandle::pid).toList());
            }
            sleep(200);
        }
    }

    /** No half-written output left, and one download. */
    private static void assertNoLeftovers(String id) throws IOException {
        try (Stream<Path> files = Files.walk(videoDir(id))) {
            List<String> names = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(name -> name.endsWith(".part")), names.toString());
            assertEquals(1, names.stream().filter(name -> name.startsWith("download")).count(), names.toString());
        }
    }

    /** One attempt at a time: each starts after the one before it ended. */
    private static void assertNoOverlap(List<JsonObject> attempts) {
        for (int i = 1; i < attempts.size(); i++) {
            Instant previousEnd = Instant.parse(attempts.get(i - 1).getString("endedAt"));
            Instant start = Instant.parse(attempts.get(i).getString("startedAt"));
            assertFalse(start.isBefore(previousEnd.minusMillis(5)), attempts.toString());
        }
    }

    static List<JsonObject> attempts(MediamillClient client, String id) {
        var response = client.get("/api/videos/" + id + "/attempts");
        assertEquals(200, response.statusCode(), response.body());
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readArray()
                .getValuesAs(JsonObject.class);
    }

    private static Path videoDir(String id) {
        return new MediaStorage(Path.of(System.getProperty("mediamill.it.home"), "media")).videoDir(id);
    }

    private static void cli(String operation) throws Exception {
        Path cli;
        try (Stream<Path> found = Files.list(Path.of(System.getProperty("user.dir"), ".server"))) {
            cli = found.filter(dir -> dir.getFileName().toString().startsWith("wildfly-")).findFirst()
                    .orElseThrow().resolve("bin/jboss-cli.sh");
        }
        int port = Integer.parseInt(System.getProperty("mediamill.baseUrl").replaceAll(".*:", ""));
        Process process = new ProcessBuilder(cli.toString(), "--connect", "--controller=127.0.0.1:" + (9990 + port - 8080),
                "--command=" + operation).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("success"), output);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
