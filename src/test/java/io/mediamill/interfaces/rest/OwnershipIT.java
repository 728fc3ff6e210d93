package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.BrowserSession;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A video belongs to its uploader: another uploader cannot find, change, restart, follow or delete it (404, as if
 * it did not exist), operators can; dedupe is per owner; resumable uploads are their owner's too.
 */
class OwnershipIT {

    private final MediamillClient operator = new MediamillClient();
    private final MediamillClient alice = MediamillClient.newUser("alice", "uploader");
    private final MediamillClient bob = MediamillClient.newUser("bob", "uploader");
    private final TestMedia media = new TestMedia();

    @Test
    void othersVideosDoNotExistForUploadersButDoForOperators() {
        String id = alice.uploadVideo(media.mp4("owned.mp4", 160, 120, 1), "Alice's");
        String path = "/api/videos/" + id;

        for (HttpResponse<String> answer : java.util.List.of(bob.get(path), bob.delete(path), bob.post(path + "/restart"),
                bob.get(path + "/events"), bob.sendJson("PATCH", path, "{\"title\":\"mine now\"}"))) {
            assertEquals(404, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        }
        assertFalse(bob.get("/api/videos?size=100").body().contains(id));
        assertTrue(alice.get("/api/videos?size=100").body().contains(id));
        assertEquals(0, MediamillClient.json(bob.get("/api/videos").body()).getInt("total") - countOf(bob));

        assertEquals(200, operator.get(path).statusCode(), "operators see every video");
        assertTrue(operator.get("/api/videos?size=100").body().contains(id));
        alice.awaitFinished(id);
        assertEquals(204, operator.delete(path).statusCode(), "and may delete it");
        assertEquals(404, alice.get(path).statusCode());
    }

    @Test
    void ownersRetitleTheirVideosWithKnownFieldsOnly() {
        String id = alice.uploadVideo(media.mp4("retitled.mp4", 160, 120, 1), "Before");
        String path = "/api/videos/" + id;

        HttpResponse<String> changed = alice.sendJson("PATCH", path, "{\"title\":\"  After  \"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("After", MediamillClient.json(changed.body()).getString("title"));
        assertEquals("After", alice.video(id).getString("title"));
        assertEquals(400, alice.sendJson("PATCH", path, "{\"titel\":\"typo\"}").statusCode(), "unknown fields are refused");
        assertEquals(400, alice.sendJson("PATCH", path, "{\"title\":\"   \"}").statusCode());
        assertEquals(400, alice.sendJson("PATCH", path, "{\"title\":42}").statusCode());
        alice.awaitFinished(id);
    }

    @Test
    void theSameContentIsOneVideoPerOwner() {
        Path file = media.mp4("dedupe-per-owner.mp4", 160, 120, 1);
        String first = alice.uploadVideo(file, null);

        HttpResponse<String> again = alice.upload(file, "dedupe-per-owner.mp4", null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(first, MediamillClient.json(again.body()).getString("id"));

        HttpResponse<String> bobs = bob.upload(file, "dedupe-per-owner.mp4", null);
        assertEquals(201, bobs.statusCode(), "another owner's copy is a video of their own");
        assertNotEquals(first, MediamillClient.json(bobs.body()).getString("id"));
        alice.awaitFinished(first);
        bob.awaitFinished(MediamillClient.json(bobs.body()).getString("id"));
    }

    @Test
    void resumableUploadsAreTheirOwnersToo() {
        HttpResponse<String> created = alice.sendJson("POST", "/api/uploads", null, "Tus-Resumable", "1.0.0", "Upload-Length", "100");
        assertEquals(201, created.statusCode(), created.body());
        String upload = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

        assertEquals(404, bob.sendJson("HEAD", upload, null, "Tus-Resumable", "1.0.0").statusCode());
        assertEquals(404, bob.sendJson("DELETE", upload, null, "Tus-Resumable", "1.0.0").statusCode());
        HttpResponse<String> stolen = bob.sendJson("PATCH", upload, null, "Tus-Resumable", "1.0.0", "Upload-Offset", "0",
                "Content-Type", "application/offset+octet-stream");
        assertEquals(404, stolen.statusCode(), stolen.body());

        assertEquals(200, alice.sendJson("HEAD", upload, null, "Tus-Resumable", "1.0.0").statusCode());
        assertEquals(204, alice.sendJson("DELETE", upload, null, "Tus-Resumable", "1.0.0").statusCode());
    }

    @Test
    void mediaFollowsOwnershipAndVisibility() {
        String id = alice.uploadVideo(media.mp4("media-owned.mp4", 160, 120, 1), null);
        JsonObject video = alice.awaitFinished(id);
        assertEquals("READY", video.getString("status"), video.toString());
        assertEquals("private", video.getString("visibility"));
        String signed = video.getString("posterUrl");
        String plain = signed.replaceFirst("^/media/s/[^/]+/", "/media/");
        assertTrue(signed.startsWith("/media/s/") && plain.startsWith("/media/videos/"), signed);

        assertEquals(200, MediamillClient.anonymous().getBytes(signed).statusCode(), "a signed URL needs no credentials");
        assertEquals(404, MediamillClient.anonymous().getBytes(plain).statusCode());
        assertEquals(404, bob.getBytes(plain).statusCode(), "another uploader: as if it did not exist");
        assertEquals(200, alice.getBytes(plain).statusCode());
        assertEquals(200, operator.getBytes(plain).statusCode());
        assertEquals(404, bob.getBytes("/api/videos/" + id + "/original").statusCode());
        assertEquals(200, alice.getBytes("/api/videos/" + id + "/original").statusCode());

        BrowserSession page = new BrowserSession();
        page.signIn("admin", MediamillClient.adminPassword(), "/");
        assertTrue(MediamillClient.json(page.get("/api/videos/" + id).body()).getString("posterUrl").startsWith("/media/videos/"),
                "the pages get plain URLs, which their session cookie opens");

        HttpResponse<String> unlisted = alice.sendJson("PATCH", "/api/videos/" + id, "{\"visibility\":\"unlisted\"}");
        assertEquals(200, unlisted.statusCode(), unlisted.body());
        assertEquals("unlisted", MediamillClient.json(unlisted.body()).getString("visibility"));
        assertEquals(200, MediamillClient.anonymous().getBytes(plain).statusCode(), "anyone with the link plays an unlisted video");
        assertEquals(400, alice.sendJson("PATCH", "/api/videos/" + id, "{\"visibility\":\"public\"}").statusCode());
        assertEquals(404, bob.sendJson("PATCH", "/api/videos/" + id, "{\"visibility\":\"private\"}").statusCode());
    }

    private static int countOf(MediamillClient client) {
        JsonObject page = MediamillClient.json(client.get("/api/videos?size=100").body());
        return page.getJsonArray("items").size();
    }
}
