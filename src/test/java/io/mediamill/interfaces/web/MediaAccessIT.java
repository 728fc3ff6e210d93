package io.mediamill.interfaces.web;

import static io.mediamill.interfaces.web.MediaServletIT.assertBrowsersRunNothing;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Who gets a video's media, asked anonymously over plain HTTP as an outside player would: anyone with a
 * signed URL until it expires, anyone with the plain URL of an unlisted video, nobody with that of a private
 * one. Never the original or the watermark, never anything as HTML; the original only from the API, as an
 * attachment.
 */
class MediaAccessIT {

    private static final Pattern SIGNED = Pattern.compile("/media/s/([^/]+)/(videos/.+)");

    private final MediamillClient client = new MediamillClient();
    private final TestMedia media = new TestMedia();
    private final MediamillClient anonymous = MediamillClient.anonymous();
    private final MediaStorage volume = new MediaStorage(Path.of(System.getProperty("mediamill.it.home"), "media"));

    @Test
    void signedUrlsServeEveryFileOfAPrivateVideoToAnyone() {
        JsonObject video = client.awaitReady(upload(media.mp4("signed.mp4", 320, 240, 2), Map.of()));
        assertEquals("private", video.getString("visibility"), "private unless asked otherwise");

        List<String> urls = mediaUrls(video);
        urls.addAll(segments(video.getJsonArray("renditions").getJsonObject(0).getString("url")));
        for (String url : urls) {
            HttpResponse<byte[]> response = anonymous(url);
            assertEquals(200, response.statusCode(), url);
            assertEquals(MediaTypes.of(url.substring(url.lastIndexOf('/') + 1)).orElseThrow(), header(response, "Content-Type"), url);
            assertEquals("private, max-age=3600", header(response, "Cache-Control"), url);
            assertBrowsersRunNothing(response);
        }
        MediaInfo hls = media.probeUrl(client.baseUrl() + video.getString("hlsUrl"));
        assertTrue(hls.hasVideo() && hls.hasAudio(), "ffprobe follows the playlists' relative URLs to the segments");
        assertEquals(2.0, hls.durationSeconds(), 0.2);
        media.decodeFully(client.baseUrl() + video.getString("dashUrl"));

        String vtt = new String(anonymous(video.getString("storyboardUrl")).body(), StandardCharsets.UTF_8);
        String cue = vtt.lines().filter(line -> line.contains("#xywh=")).findFirst().orElseThrow();
        HttpResponse<byte[]> sprite = anonymous(resolve(video.getString("storyboardUrl"), cue.substring(0, cue.indexOf('#'))));
        assertEquals(200, sprite.statusCode(), "the track's relative image URL works under the token");
        assertEquals("image/jpeg", header(sprite, "Content-Type"));
    }

    @Test
    void plainUrlsServeUnlistedVideosToAnyoneAndPrivateOnesToNobody() {
        String privateId = upload(media.mp4("plain-private.mp4", 320, 240, 1), Map.of("visibility", "private"));
        String unlistedId = upload(media.mp4("plain-unlisted.mp4", 320, 240, 1), Map.of("visibility", "unlisted"));
        JsonObject privateVideo = client.awaitReady(privateId);
        JsonObject unlisted = client.awaitReady(unlistedId);

        assertEquals("unlisted", unlisted.getString("visibility"));
        for (String url : mediaUrls(privateVideo)) {
            HttpResponse<byte[]> response = anonymous(unsigned(url));
            assertEquals(404, response.statusCode(), unsigned(url));
            assertBrowsersRunNothing(response);
        }
        for (String url : mediaUrls(unlisted)) {
            HttpResponse<byte[]> response = anonymous(unsigned(url));
            assertEquals(200, response.statusCode(), unsigned(url));
            assertEquals("public, max-age=3600", header(response, "Cache-Control"), unsigned(url));
            assertBrowsersRunNothing(response);
        }
        assertTrue(media.probeUrl(client.baseUrl() + unsigned(unlisted.getString("hlsUrl"))).hasVideo());
    }

    @Test
    void aTamperedOrForeignSignatureIsNotFound() {
        JsonObject video = client.awaitReady(upload(media.mp4("tampered.mp4", 160, 120, 1), Map.of()));
        JsonObject other = client.awaitReady(upload(media.mp4("foreign.mp4", 160, 120, 1), Map.of()));
        Matcher poster = signed(video.getString("posterUrl"));
        String token = poster.group(1);
        String expires = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        char[] flipped = signature.toCharArray();
        flipped[20] = flipped[20] == 'x' ? 'y' : 'x';
        // The last of 43 base64 characters carries 4 bits and 2 unused ones: the next letter decodes to the same
        // bytes, a second spelling of our signature that must not pass either.
        char last = signature.charAt(signature.length() - 1);
        String respelled = signature.substring(0, signature.length() - 1) + (char) (last + 1);

        assertEquals(200, anonymous(video.getString("posterUrl")).statusCode());
        for (String badToken : List.of(expires + "." + new String(flipped),
                expires + "." + respelled,
                (Long.parseLong(expires) + 3600) + "." + signature,
                signed(other.getString("posterUrl")).group(1),
                "garbage")) {
            HttpResponse<byte[]> response = anonymous("/media/s/" + badToken + "/" + poster.group(2));
            assertEquals(404, response.statusCode(), badToken);
            assertBrowsersRunNothing(response);
        }
    }

    @Test
    void anExpiredSignedUrlIsForbiddenUntilTheVideoIsAskedForAgain() throws InterruptedException {
        String id = upload(media.mp4("expiring.mp4", 160, 120, 1), Map.of());
        JsonObject video = client.awaitReady(id);
        String posterUrl = video.getString("posterUrl");
        String token = signed(posterUrl).group(1);
        long expires = Long.parseLong(token.substring(0, token.indexOf('.')));
        long ttl = Long.parseLong(System.getProperty("mediamill.it.mediaUrlTtlSeconds"));
        assertTrue(expires <= System.currentTimeMillis() / 1000 + ttl, "no longer than the configured time");
        assertEquals(200, anonymous(posterUrl).statusCode());

        Thread.sleep(Math.max(0, expires * 1000 + 1500 - System.currentTimeMillis()));

        HttpResponse<byte[]> expired = anonymous(posterUrl);
        assertEquals(403, expired.statusCode());
        assertTrue(header(expired, "Content-Type").startsWith("text/plain"));
        assertTrue(new String(expired.body(), StandardCharsets.UTF_8).contains("expired"));
        assertBrowsersRunNothing(expired);
        assertEquals(200, anonymous(client.video(id).getString("posterUrl")).statusCode(), "fresh URLs from the API");
    }

    @Test
    void theOriginalAndTheWatermarkAreNeverServedEvenWithAValidSignature() throws IOException {
        Path png = media.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=32x32", "-frames:v", "1",
                media.file("access-mark.png").toString());
        HttpResponse<String> created = client.uploadForm(Map.of("visibility", "unlisted"),
                Map.of("file", media.mp4("with-mark.mp4", 320, 240, 1), "watermark", png));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject video = client.awaitReady(MediamillClient.json(created.body()).getString("id"));
        String id = video.getString("id");
        Path dir = volume.videoDir(id);
        assertTrue(Files.isRegularFile(volume.original(id)), "the upload is kept as " + volume.original(id));
        assertTrue(Files.isRegularFile(dir.resolve("watermark")));
        // As an older version kept them, under the client's extension: still never served.
        Files.copy(volume.original(id), dir.resolve("source.mp4"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("watermark"), dir.resolve("watermark.png"), StandardCopyOption.REPLACE_EXISTING);

        String token = signed(video.getString("posterUrl")).group(1);
        for (String name : List.of("original", "watermark", "source.mp4", "watermark.png")) {
            for (String url : List.of("/media/" + volume.relative(dir) + "/" + name,
                    "/media/s/" + token + "/" + volume.relative(dir) + "/" + name)) {
                HttpResponse<byte[]> response = client.getBytes(url);
                assertEquals(404, response.statusCode(), url);
                assertBrowsersRunNothing(response);
            }
        }
    }

    @Test
    void anMp3WithAScriptInItsTitleUploadedAsHtmlIsNeverHtmlAndItsOriginalOnlyAnAttachment() throws IOException {
        Path html = media.ffmpeg("-f", "lavfi", "-i", "sine=frequency=550:sample_rate=44100", "-t", "2",
                "-metadata", "title=<script>alert(document.domain)</script>", "-metadata", "comment=" + UUID.randomUUID(),
                "-c:a", "libmp3lame", "-f", "mp3", media.file("x.html").toString());
        HttpResponse<String> created = client.uploadForm(Map.of("visibility", "unlisted"), Map.of("file", html));
        assertEquals(201, created.statusCode(), created.body());
        String id = MediamillClient.json(created.body()).getString("id");
        JsonObject video = client.awaitReady(id);
        assertEquals("x.html", video.getString("fileName"));

        for (String url : mediaUrls(video)) {
            for (String asked : List.of(url, unsigned(url))) {
                HttpResponse<byte[]> response = anonymous(asked);
                assertEquals(200, response.statusCode(), asked);
                assertBrowsersRunNothing(response);
            }
        }
        String token = signed(video.getString("hlsUrl")).group(1);
        String dir = volume.relative(volume.videoDir(id));
        for (String name : List.of("original", "x.html", "source.html", "original.html")) {
            for (String url : List.of("/media/" + dir + "/" + name, "/media/s/" + token + "/" + dir + "/" + name)) {
                HttpResponse<byte[]> response = client.getBytes(url);
                assertEquals(404, response.statusCode(), url);
                assertBrowsersRunNothing(response);
            }
        }

        byte[] bytes = Files.readAllBytes(html);
        HttpResponse<byte[]> original = client.getBytes("/api/videos/" + id + "/original");
        assertEquals(200, original.statusCode());
        assertArrayEquals(bytes, original.body(), "the exact bytes uploaded");
        assertEquals("application/octet-stream", header(original, "Content-Type"));
        assertEquals("nosniff", header(original, "X-Content-Type-Options"));
        assertEquals("attachment; filename=\"x.html\"; filename*=UTF-8''x.html", header(original, "Content-Disposition"));
        assertEquals(String.valueOf(bytes.length), header(original, "Content-Length"));

        HttpResponse<byte[]> part = client.getBytes("/api/videos/" + id + "/original", "Range", "bytes=10-4009");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 10-4009/" + bytes.length, header(part, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(bytes, 10, 4010), part.body());
        assertEquals(416, client.getBytes("/api/videos/" + id + "/original", "Range", "bytes=" + bytes.length + "-").statusCode());
    }

    @Test
    void theOriginalDownloadsUnderItsUtf8Name() throws IOException {
        Path clip = media.mp4("utf8-name.mp4", 160, 120, 1);
        Path named = Files.copy(clip, clip.resolveSibling("Grüße «Film» 日本.mp4"), StandardCopyOption.REPLACE_EXISTING);
        String id = client.uploadVideo(named, null);

        HttpResponse<byte[]> original = client.getBytes("/api/videos/" + id + "/original");

        assertEquals(200, original.statusCode());
        assertEquals("attachment; filename=\"Gr__e _Film_ __.mp4\"; "
                + "filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%C2%ABFilm%C2%BB%20%E6%97%A5%E6%9C%AC.mp4",
                header(original, "Content-Disposition"));
        assertArrayEquals(Files.readAllBytes(named), original.body());
        HttpResponse<byte[]> missing = client.getBytes("/api/videos/" + UUID.randomUUID() + "/original");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", header(missing, "Content-Type"));
        client.awaitFinished(id);
    }

    @Test
    void visibilityIsPrivateOrUnlistedAndAnythingElseIsRefused() {
        HttpResponse<String> multipart = client.uploadForm(Map.of("visibility", "public"),
                Map.of("file", media.mp4("public.mp4", 160, 120, 1)));
        assertEquals(400, multipart.statusCode(), multipart.body());
        assertEquals("application/problem+json", multipart.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(MediamillClient.json(multipart.body()).getString("detail").contains("\"private\" or \"unlisted\""));

        HttpResponse<String> tusRefused = tusCreate(new byte[0], "visibility " + base64("everyone"));
        assertEquals(400, tusRefused.statusCode(), tusRefused.body());
        assertEquals("application/problem+json", tusRefused.headers().firstValue("Content-Type").orElseThrow());

        byte[] bytes = read(media.mp4("tus-unlisted.mp4", 160, 120, 1));
        HttpResponse<String> tus = tusCreate(bytes, "filename " + base64("tus-unlisted.mp4") + ",visibility " + base64("unlisted"));
        assertEquals(201, tus.statusCode(), tus.body());
        String location = tus.headers().firstValue("Video-Location").orElseThrow();
        JsonObject video = client.awaitReady(location.substring(location.lastIndexOf('/') + 1));
        assertEquals("unlisted", video.getString("visibility"));
        assertEquals(200, anonymous(unsigned(video.getString("mp4Url"))).statusCode());
    }

    private HttpResponse<String> tusCreate(byte[] body, String metadata) {
        List<String> headers = new ArrayList<>(List.of("Tus-Resumable", "1.0.0", "Upload-Length",
                String.valueOf(Math.max(1, body.length)), "Upload-Metadata", metadata));
        if (body.length > 0) {
            headers.addAll(List.of("Content-Type", "application/offset+octet-stream"));
        }
        return client.send("POST", "/api/uploads", HttpRequest.BodyPublishers.ofByteArray(body), headers.toArray(String[]::new));
    }

    private String upload(Path file, Map<String, String> fields) {
        HttpResponse<String> created = client.uploadForm(fields, Map.of("file", file));
        assertEquals(201, created.statusCode(), created.body());
        return MediamillClient.json(created.body()).getString("id");
    }

    /** Every media URL the video's JSON hands out, each checked to be a signed one. */
    private static List<String> mediaUrls(JsonObject video) {
        List<String> urls = new ArrayList<>();
        for (String key : List.of("hlsUrl", "dashUrl", "mp4Url", "posterUrl", "storyboardUrl")) {
            if (!video.isNull(key)) {
                urls.add(video.getString(key));
            }
        }
        video.getJsonArray("thumbnails").getValuesAs(JsonString.class).forEach(url -> urls.add(url.getString()));
        video.getJsonArray("renditions").getValuesAs(JsonObject.class).forEach(r -> urls.add(r.getString("url")));
        urls.forEach(MediaAccessIT::signed);
        return urls;
    }

    /** The init segment and media segments a media playlist names, as URLs resolved against it. */
    private List<String> segments(String playlistUrl) {
        String playlist = new String(anonymous(playlistUrl).body(), StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>();
        Matcher map = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"").matcher(playlist);
        if (map.find()) {
            urls.add(resolve(playlistUrl, map.group(1)));
        }
        playlist.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> urls.add(resolve(playlistUrl, line.strip())));
        assertTrue(urls.size() >= 2, playlist);
        assertTrue(urls.stream().noneMatch(url -> url.contains("://")), "relative segment URLs: " + playlist);
        return urls;
    }

    private static Matcher signed(String url) {
        Matcher matcher = SIGNED.matcher(url);
        assertTrue(matcher.matches(), "a signed media URL: " + url);
        return matcher;
    }

    private static String unsigned(String url) {
        return "/media/" + signed(url).group(2);
    }

    private static String resolve(String base, String relative) {
        return URI.create(base).resolve(relative).toString();
    }

    /** A GET with no credentials at all, as an outside player sends it. */
    private HttpResponse<byte[]> anonymous(String path) {
        return anonymous.getBytes(path);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + ": " + response.headers()));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
