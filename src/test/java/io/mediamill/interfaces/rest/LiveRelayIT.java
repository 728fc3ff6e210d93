package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.LiveTestPeers;
import io.mediamill.testing.LiveTestPeers.RtspMount;
import io.mediamill.testing.MediamillClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Live relays against real peers on loopback: nginx-rtmp and GStreamer's RTSP server, fed by ffmpeg test patterns
 * as cameras. The test server allows private sources, relays 3 cameras at most and gives up after 5 failures in a row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveRelayIT {

    private static final Pattern SEQUENCE = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)");
    private static final Duration START = Duration.ofSeconds(60);

    private final MediamillClient operator = new MediamillClient();
    private final LiveTestPeers peers = new LiveTestPeers();
    private final Path work = Path.of(System.getProperty("mediamill.it.work", "target/it-media"), "live", "checks");
    private final RtspMount h264 = new RtspMount("cam-h264", peers.rtspPort() + 2, "h264");
    private final RtspMount h265 = new RtspMount("cam-h265", peers.rtspPort() + 3, "h265");
    private final RtspMount dropping = new RtspMount("cam-drop", peers.rtspPort() + 4, "h264");
    private final RtspMount bFrames = new RtspMount("cam-bframes", peers.rtspPort() + 5, "h264");

    @BeforeAll
    void startPeers() throws Exception {
        Files.createDirectories(work);
        peers.startRtmpServer();
        peers.startRtspServer(h264, h265, dropping, bFrames);
    }

    @AfterAll
    void stopPeers() {
        operator.delete("/api/streams");
        peers.close();
    }

    @Test
    void relaysRtmpToHlsAndPushesToAnotherStreamKey() throws Exception {
        peers.rtmpCamera("lobby");
        String target = peers.rtmpUrl("lobby-out");
        HttpResponse<String> created = start("lobby", "{\"source\":\"" + peers.rtmpUrl("lobby") + "\",\"rtmpTarget\":\""
                + target + "\",\"title\":\"Lobby\"}");
        assertEquals(201, created.statusCode(), created.body());
        try {
            JsonObject running = awaitState("lobby", "RUNNING");
            assertEquals("h264", running.getJsonObject("input").getString("videoCodec"), running.toString());
            assertEquals("aac", running.getJsonObject("input").getString("audioCodec"), running.toString());
            assertFalse(running.getBoolean("transcoding"), running.toString());

            String newest = newestSegment("lobby");
            Thread.sleep(3000);
            assertNotEquals(newest, newestSegment("lobby"), "new segments are listed");
            long first = mediaSequence("lobby");
            String oldest = segments(operator.get("/live/lobby/index.m3u8").body()).get(0);
            // ffmpeg keeps one segment past the window on disk (hls_delete_threshold) for players still fetching it.
            awaitSequenceAfter("lobby", first + 2);
            assertEquals(404, operator.get("/live/lobby/" + oldest).statusCode(), "segments leave the window and the disk");
            HttpResponse<String> playlist = operator.get("/live/lobby/index.m3u8");
            assertEquals("no-cache, no-store", playlist.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(List.of("aac", "h264"), codecsOfNewestSegment("lobby"));

            assertTrue(probe(target).contains("h264"), "the push arrives at " + target);

            String signed = running.getString("playlist");
            assertTrue(signed.startsWith("/live/s/"), signed);
            MediamillClient anyone = MediamillClient.anonymous();
            HttpResponse<String> bySignedUrl = anyone.get(signed);
            assertEquals(200, bySignedUrl.statusCode(), "the signed playlist plays for whoever holds it");
            String segment = segments(bySignedUrl.body()).get(0);
            assertEquals(200, anyone.getBytes(signed.replace("index.m3u8", segment)).statusCode(), "its relative segments too");
            assertEquals(404, anyone.get(signed.replaceFirst("\\.[A-Za-z0-9_-]{4}", ".AAAA")).statusCode(), "a forged token opens nothing");
            assertEquals(404, anyone.get("/live/lobby/index.m3u8").statusCode(), "the plain URL is for users signed in");

            HttpResponse<String> again = start("lobby", "{\"source\":\"" + peers.rtmpUrl("lobby") + "\",\"rtmpTarget\":\""
                    + target + "\",\"title\":\"Lobby\"}");
            assertEquals(200, again.statusCode(), "the same start again: " + again.body());
            HttpResponse<String> other = start("lobby", "{\"source\":\"" + peers.rtmpUrl("elsewhere") + "\"}");
            assertEquals(409, other.statusCode(), other.body());
        } finally {
            operator.delete("/api/streams/lobby");
        }
    }

    @Test
    void anH265CameraComesOutAsH264() throws Exception {
        peers.rtpCamera(h265);
        assertEquals(201, start("garage", "{\"source\":\"" + peers.rtspUrl(h265.path()) + "\"}").statusCode());
        try {
            JsonObject running = awaitState("garage", "RUNNING");
            assertEquals("hevc", running.getJsonObject("input").getString("videoCodec"), running.toString());
            assertTrue(running.getBoolean("transcoding"), running.toString());
            awaitSegments("garage");
            assertEquals(List.of("h264"), codecsOfNewestSegment("garage"), "H.265 in, H.264 out, no audio");
        } finally {
            operator.delete("/api/streams/garage");
        }
    }

    @Test
    void h264WithTimestampsThatCannotBeCopiedIsEncoded() throws Exception {
        peers.rtpCamera(bFrames, true);
        assertEquals(201, start("porch", "{\"source\":\"" + peers.rtspUrl(bFrames.path()) + "\"}").statusCode());
        try {
            JsonObject running = awaitState("porch", "RUNNING");
            assertEquals("h264", running.getJsonObject("input").getString("videoCodec"), running.toString());
            assertTrue(running.getBoolean("transcoding"), "copying failed, so it encodes: " + running);
            awaitSegments("porch");
            assertEquals(List.of("h264"), codecsOfNewestSegment("porch"));
        } finally {
            operator.delete("/api/streams/porch");
        }
    }

    @Test
    void aDroppedSourceIsRetriedAndComesBack() throws Exception {
        Process camera = peers.rtpCamera(dropping);
        assertEquals(201, start("yard", "{\"source\":\"" + peers.rtspUrl(dropping.path()) + "\"}").statusCode());
        try {
            awaitState("yard", "RUNNING");
            LiveTestPeers.kill(camera);
            JsonObject retrying = awaitState("yard", "RETRYING");
            assertFalse(retrying.getString("lastError", "").isBlank(), "a retry says why: " + retrying);

            peers.rtpCamera(dropping);
            JsonObject back = awaitState("yard", "RUNNING");
            assertTrue(back.getInt("restarts") >= 1, back.toString());
            awaitSegments("yard");
        } finally {
            operator.delete("/api/streams/yard");
        }
    }

    @Test
    void aSourceThatNeverSendsIsDetectedAndRetriedThenFails() throws Exception {
        int silent = peers.silentServer();
        String source = "rtsp://viewer:s3cret-pass@127.0.0.1:" + silent + "/hangs";
        assertEquals(201, start("attic", "{\"source\":\"" + source + "\"}").statusCode());
        try {
            JsonObject retrying = awaitState("attic", "RETRYING");
            assertTrue(retrying.getInt("restarts") >= 1, retrying.toString());
            assertFalse(retrying.toString().contains("s3cret-pass"), "credentials are masked: " + retrying);
            assertTrue(retrying.getString("source").contains("***@127.0.0.1"), retrying.toString());
            JsonObject failed = awaitState("attic", "FAILED", Duration.ofMinutes(3));
            assertEquals(5, failed.getInt("failuresInARow"), failed.toString());
            assertFalse(failed.getString("lastError").isBlank(), failed.toString());
            assertFalse(failed.toString().contains("s3cret-pass"), failed.toString());
        } finally {
            operator.delete("/api/streams/attic");
        }
    }

    @Test
    void theLimitAnswers429AndStopAllLeavesNoFfmpeg() throws Exception {
        operator.delete("/api/streams");
        peers.rtpCamera(h264);
        List<String> cameras = List.of("limit-1", "limit-2", "limit-3");
        for (String camera : cameras) {
            assertEquals(201, start(camera, "{\"source\":\"" + peers.rtspUrl(h264.path()) + "\"}").statusCode());
        }
        HttpResponse<String> refused = start("limit-4", "{\"source\":\"" + peers.rtspUrl(h264.path()) + "\"}");
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "429 says when to come back");
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, operator.get("/api/streams/limit-4").statusCode(), "a refused start leaves nothing");

        for (String camera : cameras) {
            awaitState(camera, "RUNNING");
        }
        List<ProcessHandle> relays = cameras.stream().flatMap(camera -> relayProcesses(camera).stream()).toList();
        assertEquals(3, relays.size(), "one ffmpeg per camera: " + relays);

        HttpResponse<String> stopped = operator.delete("/api/streams");
        assertEquals(200, stopped.statusCode(), stopped.body());
        for (ProcessHandle relay : relays) {
            relay.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(relay.isAlive(), "ffmpeg pid " + relay.pid() + " is gone");
        }
        for (String camera : cameras) {
            assertEquals("STOPPED", awaitState(camera, "STOPPED").getString("state"));
            assertEquals(404, operator.get("/live/" + camera + "/index.m3u8").statusCode(), "a stopped camera's HLS is gone");
        }
    }

    @Test
    void refusesSourcesThatAreNotNetworkStreams() {
        for (String source : List.of("file:///etc/passwd", "concat:/etc/passwd|/etc/hosts", "subfile:,,start,0,end,0,,:/etc/passwd",
                "pipe:0", "/etc/passwd", "rtsp://", "gopher://127.0.0.1/x", "rtsp://127.0.0.1/a b")) {
            HttpResponse<String> refused = start("bad", "{\"source\":" + Json.createValue(source) + "}");
            assertEquals(422, refused.statusCode(), source + ": " + refused.body());
            assertTrue(refused.body().contains("source"), refused.body());
        }
        HttpResponse<String> badTarget = start("bad", "{\"source\":\"rtsp://127.0.0.1/x\",\"rtmpTarget\":\"file:///tmp/x.flv\"}");
        assertEquals(422, badTarget.statusCode(), badTarget.body());
        assertEquals(400, start("bad", "{\"source\":\"rtsp://127.0.0.1/x\",\"sauce\":1}").statusCode(), "unknown fields");
        assertEquals(422, start("bad.id", "{\"source\":\"rtsp://127.0.0.1/x\"}").statusCode(), "camera ids are plain names");
        assertEquals(404, operator.get("/api/streams/bad").statusCode(), "nothing refused is recorded");
    }

    @Test
    void uploadersWatchButOnlyOperatorsStartAndStop() {
        MediamillClient uploader = MediamillClient.newUser("live-uploader", "uploader");
        HttpResponse<String> refused = uploader.sendJson("PUT", "/api/streams/porch", "{\"source\":\"rtsp://127.0.0.1/x\"}");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(403, uploader.delete("/api/streams").statusCode());
        assertEquals(200, uploader.get("/api/streams").statusCode());
        assertEquals(401, MediamillClient.anonymous().get("/api/streams").statusCode());
    }

    private HttpResponse<String> start(String camera, String json) {
        return operator.sendJson("PUT", "/api/streams/" + camera, json);
    }

    private JsonObject awaitState(String camera, String state) throws InterruptedException {
        return awaitState(camera, state, START);
    }

    private JsonObject awaitState(String camera, String state, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        JsonObject stream = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = operator.get("/api/streams/" + camera);
            assertEquals(200, response.statusCode(), response.body());
            stream = MediamillClient.json(response.body());
            if (stream.getString("state").equals(state)) {
                return stream;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("camera " + camera + " never got " + state + " in " + limit.toSeconds() + " s: " + stream);
    }

    private void awaitSegments(String camera) throws InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> playlist = operator.get("/live/" + camera + "/index.m3u8");
            if (playlist.statusCode() == 200 && segments(playlist.body()).size() >= 2) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("camera " + camera + "'s playlist never listed two segments");
    }

    private long mediaSequence(String camera) throws InterruptedException {
        awaitSegments(camera);
        String playlist = operator.get("/live/" + camera + "/index.m3u8").body();
        Matcher matcher = SEQUENCE.matcher(playlist);
        assertTrue(matcher.find(), playlist);
        return Long.parseLong(matcher.group(1));
    }

    private String newestSegment(String camera) throws InterruptedException {
        awaitSegments(camera);
        List<String> listed = segments(operator.get("/live/" + camera + "/index.m3u8").body());
        return listed.get(listed.size() - 1);
    }

    /** Waits until the window slides past {@code sequence}: the playlist is full and drops its oldest segments. */
    private void awaitSequenceAfter(String camera, long sequence) throws InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (mediaSequence(camera) > sequence) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("camera " + camera + "'s playlist never slid past sequence " + sequence);
    }

    private static List<String> segments(String playlist) {
        return Arrays.stream(playlist.split("\n")).filter(line -> line.endsWith(".ts")).toList();
    }

    /** The codecs ffprobe finds, sorted, in the newest segment (decoded through, so a broken one fails). */
    private List<String> codecsOfNewestSegment(String camera) throws IOException, InterruptedException {
        List<String> listed = segments(operator.get("/live/" + camera + "/index.m3u8").body());
        String newest = listed.get(listed.size() - 1);
        HttpResponse<byte[]> segment = operator.getBytes("/live/" + camera + "/" + newest);
        assertEquals(200, segment.statusCode());
        Path file = work.resolve(camera + "-" + newest);
        Files.write(file, segment.body());
        Process decode = new ProcessBuilder("ffmpeg", "-v", "error", "-xerror", "-i", file.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String errors = new String(decode.getInputStream().readAllBytes());
        assertEquals(0, decode.waitFor(), "the segment decodes: " + errors);
        return probeFile(file.toString());
    }

    private static List<String> probeFile(String input) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-rw_timeout", "15000000", "-show_entries",
                "stream=codec_name", "-of", "csv=p=0", input).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes());
        probe.waitFor();
        return out.lines().map(String::strip).filter(line -> !line.isEmpty()).distinct().sorted().toList();
    }

    private static String probe(String url) throws IOException, InterruptedException {
        return String.join(",", probeFile(url));
    }

    /** The ffmpeg processes writing this camera's HLS, found by their command lines. */
    private static List<ProcessHandle> relayProcesses(String camera) {
        String playlist = "/live/" + camera + "/index.m3u8";
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(playlist)).orElse(false))
                .toList();
    }
}
