package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.DownloadBlocker;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jobs API: a failing video retried by the queue with growing waits, then restarted or abandoned by an
 * operator through /api/jobs; the refusals (409) of what a job's state does not allow; operators only.
 */
class JobApiIT {

    private static final int MAX_ATTEMPTS = Integer.getInteger("mediamill.it.maxAttempts", 3);
    private static final Duration BACKOFF = Duration.ofSeconds(Long.getLong("mediamill.it.retryBackoffSeconds", 2));
    /** Timestamps are kept to the millisecond: a wait measured between two of them may lose one. */
    private static final Duration ROUNDING = Duration.ofMillis(50);

    private final MediamillClient operator = new MediamillClient();
    private final TestMedia media = new TestMedia();

    @Test
    void failingVideosAreRetriedWithBackoffThenRestartedOrAbandonedByAnOperator() {
        String restarted = operator.uploadVideo(media.mp4("jobs-restarted.mp4", 320, 180, 2), null);
        DownloadBlocker restartedBlocker = DownloadBlocker.block(restarted);
        String abandoned = operator.uploadVideo(media.mp4("jobs-abandoned.mp4", 320, 180, 2), null);
        DownloadBlocker abandonedBlocker = DownloadBlocker.block(abandoned);

        boolean movedUp = runNextWhileItWaits(restarted);
        assertEquals("FAILED", operator.awaitFinished(abandoned).getString("status"));

        // Every attempt failed where the blocker is, each after a longer wait than the one before.
        List<JsonObject> attempts = attempts(restarted);
        assertEquals(MAX_ATTEMPTS, attempts.size(), attempts.toString());
        for (int i = 0; i < attempts.size(); i++) {
            JsonObject attempt = attempts.get(i);
            assertEquals(i + 1, attempt.getInt("attempt"), attempts.toString());
            assertEquals("FAILED", attempt.getString("status"), attempts.toString());
            assertEquals("renditions", attempt.getString("failedStep"), attempts.toString());
            if (i > 0) {
                JsonObject before = attempts.get(i - 1);
                assertTrue(instant(attempt, "startedAt").isAfter(instant(before, "startedAt")), attempts.toString());
                Duration waited = Duration.between(instant(before, "endedAt"), instant(attempt, "startedAt"));
                Duration backoff = BACKOFF.multipliedBy(1L << (i - 1));
                assertTrue(waited.compareTo(backoff.minus(ROUNDING)) >= 0,
                        "attempt " + (i + 1) + " came " + waited + " after the one before, not " + backoff + ": " + attempts);
            }
        }
        assertTrue(movedUp, "run-next was accepted while the video waited in the queue");
        assertProblem(409, "not waiting", operator.post("/api/videos/" + restarted + "/run-next"));

        long first = attempts.get(0).getJsonNumber("executionId").longValue();
        long latest = attempts.get(attempts.size() - 1).getJsonNumber("executionId").longValue();
        JsonObject failedPage = MediamillClient.json(operator.get("/api/jobs?status=FAILED&size=100").body());
        assertEquals(0, failedPage.getInt("page"));
        assertEquals(100, failedPage.getInt("size"));
        assertTrue(failedPage.getJsonNumber("total").longValue() >= MAX_ATTEMPTS, failedPage.toString());
        List<JsonObject> listed = failedPage.getJsonArray("jobs").getValuesAs(JsonObject.class);
        assertTrue(listed.stream().allMatch(job -> job.getString("batchStatus").equals("FAILED")), failedPage.toString());
        for (JsonObject attempt : attempts) {
            long execution = attempt.getJsonNumber("executionId").longValue();
            assertTrue(listed.stream().anyMatch(job -> job.getJsonNumber("executionId").longValue() == execution
                    && job.getString("videoId").equals(restarted)), execution + " in " + failedPage);
        }
        JsonObject job = job(latest);
        assertTrue(job.getBoolean("latest") && job.getBoolean("restartable") && job.getBoolean("abandonable"), job.toString());
        assertFalse(job.getBoolean("stoppable"), job.toString());
        assertEquals(MAX_ATTEMPTS, job.getInt("attempt"));

        // What the states do not allow: an earlier execution restarted or abandoned, an ended one stopped.
        assertProblem(409, "latest", operator.post("/api/jobs/" + first + "/restart"));
        assertProblem(409, "latest", operator.post("/api/jobs/" + first + "/abandon"));
        assertProblem(409, "only a running one stops", operator.post("/api/jobs/" + latest + "/stop"));
        assertProblem(404, "no job execution", operator.post("/api/jobs/999999999/restart"));

        // Fixed on the disk, the latest execution restarts from its checkpoints and the video is made.
        restartedBlocker.remove();
        HttpResponse<String> restart = operator.post("/api/jobs/" + latest + "/restart");
        assertEquals(202, restart.statusCode(), restart.body());
        JsonObject answer = MediamillClient.json(restart.body());
        long next = answer.getJsonNumber("executionId").longValue();
        assertNotEquals(latest, next);
        assertEquals(latest, answer.getJsonNumber("restartOf").longValue());
        assertEquals(restarted, answer.getString("videoId"));
        // Jersey (Payara) makes the Location absolute, RESTEasy sends it as given.
        assertEquals("/api/jobs/" + next, URI.create(restart.headers().firstValue("Location").orElseThrow()).getPath());
        operator.awaitReady(restarted);
        JsonObject completed = awaitJob(next, "COMPLETED");
        assertEquals(MAX_ATTEMPTS + 1, completed.getInt("attempt"));
        List<JsonObject> after = attempts(restarted);
        assertEquals(MAX_ATTEMPTS + 1, after.size(), after.toString());
        assertEquals(next, after.get(MAX_ATTEMPTS).getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", after.get(MAX_ATTEMPTS).getString("status"), after.toString());
        assertProblem(409, "COMPLETED", operator.post("/api/jobs/" + next + "/restart"));
        assertProblem(409, "COMPLETED", operator.post("/api/jobs/" + next + "/abandon"));

        // Abandoned, an execution is done with: it neither restarts nor is abandoned twice, and its video starts afresh.
        List<JsonObject> abandonedAttempts = attempts(abandoned);
        long given = abandonedAttempts.get(abandonedAttempts.size() - 1).getJsonNumber("executionId").longValue();
        HttpResponse<String> abandon = operator.post("/api/jobs/" + given + "/abandon");
        assertEquals(200, abandon.statusCode(), abandon.body());
        JsonObject gone = MediamillClient.json(abandon.body());
        assertEquals("ABANDONED", gone.getString("batchStatus"));
        assertFalse(gone.getBoolean("restartable") || gone.getBoolean("abandonable"), gone.toString());
        assertEquals("ABANDONED", last(attempts(abandoned)).getString("status"));
        assertTrue(operator.get("/api/jobs?status=ABANDONED&size=100").body().contains("\"executionId\":" + given + ","));
        assertProblem(409, "ABANDONED", operator.post("/api/jobs/" + given + "/abandon"));
        assertProblem(409, "ABANDONED", operator.post("/api/jobs/" + given + "/restart"));
        assertEquals("FAILED", operator.video(abandoned).getString("status"));
        abandonedBlocker.remove();
        assertEquals(202, operator.post("/api/videos/" + abandoned + "/restart").statusCode());
        operator.awaitReady(abandoned);
        JsonObject afresh = last(attempts(abandoned));
        assertNotEquals(given, afresh.getJsonNumber("executionId").longValue());
        assertEquals(MAX_ATTEMPTS + 1, afresh.getInt("attempt"));
    }

    @Test
    void onlyOperatorsControlJobs() {
        MediamillClient uploader = MediamillClient.newUser("jobs-uploader", "uploader");
        String own = uploader.uploadVideo(media.mp4("jobs-uploader.mp4", 320, 180, 1), null);
        for (String path : List.of("/api/jobs", "/api/jobs?status=FAILED", "/api/jobs/1", "/api/jobs/queue", "/api/jobs/events")) {
            assertProblem(403, "Only operators", uploader.get(path));
            assertProblem(401, "Sign in", MediamillClient.anonymous().get(path));
        }
        for (String path : List.of("/api/jobs/1/restart", "/api/jobs/1/stop", "/api/jobs/1/abandon",
                "/api/videos/" + own + "/run-next")) {
            assertProblem(403, "Only operators", uploader.post(path));
            assertProblem(401, "Sign in", MediamillClient.anonymous().post(path));
        }
        // Their own video's history is theirs to read, through the videos API.
        operator.awaitFinished(own);
        assertEquals(200, uploader.get("/api/videos/" + own + "/attempts").statusCode());
    }

    @Test
    void listsPageAndRefuseWhatTheyCannotRead() {
        assertProblem(400, "STARTED, COMPLETED, FAILED, STOPPED, ABANDONED", operator.get("/api/jobs?status=BROKEN"));
        assertProblem(400, "size", operator.get("/api/jobs?size=0"));
        assertProblem(400, "size", operator.get("/api/jobs?size=101"));
        assertProblem(400, "page", operator.get("/api/jobs?page=-1"));
        assertProblem(404, "no job execution", operator.get("/api/jobs/999999999"));

        String id = operator.uploadVideo(media.mp4("jobs-listed.mp4", 320, 180, 1), null);
        operator.awaitReady(id);
        long execution = last(attempts(id)).getJsonNumber("executionId").longValue();
        JsonObject page = MediamillClient.json(operator.get("/api/jobs?page=0&size=1").body());
        assertEquals(Set.of("total", "page", "size", "jobs"), page.keySet());
        assertEquals(1, page.getJsonArray("jobs").size());
        assertTrue(page.getJsonNumber("total").longValue() >= 1);
        JsonObject job = awaitJob(execution, "COMPLETED");
        assertEquals(id, job.getString("videoId"));
        assertEquals("COMPLETED", job.getString("exitStatus"));
        assertTrue(job.getJsonNumber("durationSeconds").longValue() >= 0);
        assertFalse(job.getBoolean("restartable") || job.getBoolean("stoppable") || job.getBoolean("abandonable"));
        assertTrue(operator.get("/api/jobs?status=completed&size=100").body().contains("\"executionId\":" + execution + ","),
                "statuses are read in any case");

        JsonObject queue = MediamillClient.json(operator.get("/api/jobs/queue").body());
        assertEquals(Set.of("due", "waitingForRetry", "running"), queue.getJsonObject("queue").keySet());
        assertTrue(queue.getJsonNumber("failedVideos").longValue() >= 0);
        JsonObject self = queue.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(node -> node.getString("name").equals(queue.getString("node"))).findFirst().orElseThrow();
        assertTrue(self.getBoolean("alive"), queue.toString());
        assertTrue(self.getInt("workers") >= 1, queue.toString());
    }

    @Test
    void theEventStreamPushesJobsAndTheQueue() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(operator.baseUrl() + "/api/jobs/events?status=COMPLETED&size=5"))
                .header("Authorization", operator.authorization()).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> firstEvent;
        try (Stream<String> lines = response.body()) {
            firstEvent = lines.dropWhile(String::isEmpty).takeWhile(line -> !line.isEmpty()).toList();
        }
        assertTrue(firstEvent.contains("event: console") || firstEvent.contains("event:console"), firstEvent.toString());
        JsonObject data = MediamillClient.json(firstEvent.stream().filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5).strip()).findFirst().orElseThrow());
        assertEquals(5, data.getJsonObject("jobs").getInt("size"));
        assertTrue(data.getJsonObject("jobs").getJsonArray("jobs").getValuesAs(JsonObject.class).stream()
                .allMatch(job -> job.getString("batchStatus").equals("COMPLETED")), data.toString());
        assertFalse(data.getJsonObject("queue").getString("node").isEmpty());
        assertProblem(400, "Unknown status", operator.get("/api/jobs/events?status=BROKEN"));
    }

    /**
     * Follows the video until it has failed for good, asking for it to run next whenever it waits for its next
     * attempt; returns whether one of those was accepted (the others came as it was being picked up: 409).
     */
    private boolean runNextWhileItWaits(String id) {
        boolean accepted = false;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonObject video = operator.video(id);
        while (!Set.of("READY", "FAILED").contains(video.getString("status"))) {
            assertTrue(Instant.now().isBefore(deadline), "still not failed: " + video);
            if (!accepted && video.getString("status").equals("QUEUED")) {
                HttpResponse<String> runNext = operator.post("/api/videos/" + id + "/run-next");
                assertTrue(runNext.statusCode() == 202 || runNext.statusCode() == 409, runNext.body());
                accepted = runNext.statusCode() == 202;
                if (accepted) {
                    assertEquals(id, MediamillClient.json(runNext.body()).getString("id"));
                }
            }
            sleep(150);
            video = operator.video(id);
        }
        assertEquals("FAILED", video.getString("status"), video.toString());
        return accepted;
    }

    private JsonObject job(long executionId) {
        HttpResponse<String> response = operator.get("/api/jobs/" + executionId);
        assertEquals(200, response.statusCode(), response.body());
        return MediamillClient.json(response.body());
    }

    /** The batch runtime records how an execution ended a moment after its video says so. */
    private JsonObject awaitJob(long executionId, String batchStatus) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject job = job(executionId);
        while (!job.getString("batchStatus").equals(batchStatus)) {
            assertTrue(Instant.now().isBefore(deadline), "job execution " + executionId + " is not " + batchStatus + ": " + job);
            sleep(250);
            job = job(executionId);
        }
        return job;
    }

    private List<JsonObject> attempts(String videoId) {
        HttpResponse<String> response = operator.get("/api/videos/" + videoId + "/attempts");
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    private static JsonObject last(List<JsonObject> list) {
        return list.get(list.size() - 1);
    }

    private static Instant instant(JsonObject object, String field) {
        return Instant.parse(object.getString(field));
    }

    private static void assertProblem(int status, String words, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(MediamillClient.json(answer.body()).getString("detail").contains(words), answer.body());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
