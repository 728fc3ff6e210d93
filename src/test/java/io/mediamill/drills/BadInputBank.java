package io.mediamill.drills;

import io.mediamill.testing.BadFiles;
import io.mediamill.testing.BrowserSession;
import io.mediamill.testing.MediamillClient;
import io.mediamill.drills.DrillResult.Saw;
import io.mediamill.testing.TestMedia;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The bad-input bank: broken, disguised and hostile requests of every kind the API takes, each of which must get a
 * clear 4xx (problem+json saying why) or become a FAILED video that says why. A good video goes up after every few
 * bad ones; at the end the server must answer its health check and every good video must be READY.
 */
final class BadInputBank {

    private static final String GROUP = "bad input";
    private static final String TUS = "Tus-Resumable";
    private static final int GOOD_EVERY = 6;

    private final DrillEnvironment environment;
    private final MediamillClient admin = new MediamillClient();
    private final BadFiles files;
    private final List<String> goodVideos = new ArrayList<>();
    private final List<DrillResult> results = new ArrayList<>();

    BadInputBank(DrillEnvironment environment) {
        this.environment = environment;
        this.files = new BadFiles(new TestMedia());
    }

    List<DrillResult> run() {
        MediamillClient owner = MediamillClient.newUser("drill-owner", "uploader");
        MediamillClient stranger = MediamillClient.newUser("drill-stranger", "uploader");
        String ownersVideo = owner.uploadVideo(files.good("owners"), "the owner's video");

        // Files that are not what their names say.
        upload("zero-byte file", "POST a 0-byte file named empty.mp4", files.empty("empty.mp4"), "empty.mp4", Expect.REFUSED);
        upload("random bytes", "POST 64 KiB of random bytes named noise.mp4", files.randomBytes("noise.mp4", 65536),
                "noise.mp4", Expect.REFUSED);
        upload("PNG as .mp4", "POST a PNG image named picture.mp4", files.png("picture.mp4"), "picture.mp4", Expect.REFUSED);
        upload("PDF as .mp4", "POST a PDF named document.mp4", files.pdf("document.mp4"), "document.mp4", Expect.REFUSED);
        upload("HLS playlist in disguise", "POST an m3u8 naming /etc/passwd, as movie.mp4",
                files.text("playlist.mp4", "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n"),
                "movie.mp4", Expect.REFUSED);
        upload("concat list in disguise", "POST an ffconcat list naming the server's files, as movie.mp4",
                files.text("concat.mp4", "ffconcat version 1.0\nfile '/etc/passwd'\nfile '../../../../etc/hostname'\n"),
                "movie.mp4", Expect.REFUSED);
        upload("DASH manifest in disguise", "POST an MPD naming another host, as movie.mp4",
                files.text("manifest.mp4", "<?xml version=\"1.0\"?><MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">"
                        + "<Period><AdaptationSet><Representation><BaseURL>http://169.254.169.254/</BaseURL>"
                        + "</Representation></AdaptationSet></Period></MPD>\n"), "movie.mp4", Expect.REFUSED);
        // Media that is broken or lies about itself.
        upload("truncated MP4 (no moov)", "POST an MP4 cut just before its index", files.withoutMoov("no-moov.mp4"),
                "no-moov.mp4", Expect.REFUSED);
        upload("MP4 cut inside mdat", "POST a faststart MP4 cut halfway through its media data",
                files.cutInMdat("cut.mp4"), "cut.mp4", Expect.REFUSED);
        upload("huge declared dimensions", "POST a Motion-JPEG MOV claiming 65500x65500 pixels",
                files.hugeDimensions("huge.mov"), "huge.mov", Expect.REFUSED_OR_FAILED);
        upload("picture wider than 8K", "POST a real Motion-JPEG MOV of 8208x16 pixels", files.tooWide("wide.mov"),
                "wide.mov", Expect.REFUSED);
        upload("0-second video", "POST an MP4 whose video track has no frame", files.noFrames("zero.mp4"),
                "zero.mp4", Expect.REFUSED_OR_FAILED);
        upload("10-hour declared duration", "POST a 2 s MP4 whose headers say 10 hours",
                files.tenHoursDeclared("ten-hours.mp4"), "ten-hours.mp4", Expect.REFUSED_OR_FAILED);
        upload("unsupported codec", "POST an MP4 whose video codec is 'zzzz'", files.unknownCodec("zzzz.mp4"),
                "zzzz.mp4", Expect.REFUSED);
        upload("corrupt frames in the middle", "POST an MPEG-TS with its middle fifth overwritten by noise",
                files.corruptMiddle("corrupt.ts"), "corrupt.ts", Expect.SETTLED);
        upload("audio only", "POST an AAC-only MP4 (the service takes audio)", files.audioOnly("audio.mp4"),
                "audio.mp4", Expect.READY);
        upload("video only", "POST an MP4 without a sound track", files.videoOnly("silent"), "silent.mp4", Expect.READY);
        upload("upload larger than the limit", "POST a file 1 MiB over MEDIAMILL_UPLOAD_MAX_BYTES",
                files.padded("too-large.mp4", environment.uploadLimitBytes() + (1 << 20)), "too-large.mp4", Expect.REFUSED);
        // Names and fields.
        named("path-traversal file name", "POST a good video named ../../../../etc/passwd.mp4", "../../../../etc/passwd.mp4");
        named("control characters in the name", "POST a good video named with BEL, ESC and DEL",
                "evil\u0007\u001b[2Jname\u007f.mp4");
        check("10 000-character title", "POST a good video with a 10 000-character title", "400 or 422 naming the title",
                () -> problem(admin.upload(files.good("long-title"), "long.mp4", "t".repeat(10_000)), 400, 422));
        check("unknown form part", "POST a form with a part named thumbnail", "400 naming the part",
                () -> problem(admin.uploadForm(Map.of(), Map.of("file", files.good("part"), "thumbnail", files.png("thumb.png"))), 400));
        // Malformed multipart.
        String boundary = "drill-" + UUID.randomUUID();
        check("multipart without its end", "POST a form whose closing boundary never comes", "400",
                () -> problem(multipart(boundary, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.mp4\"\r\n\r\nnot all of it"), 400));
        check("multipart without a boundary", "POST multipart/form-data with no boundary parameter", "400 or 415",
                () -> problem(admin.call("POST", "/api/videos", "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                        "Content-Type", "multipart/form-data"), 400, 415));
        check("multipart of garbage", "POST random bytes as multipart/form-data", "400",
                () -> problem(multipart(boundary, "\u0000\u0001 this is not a form at all"), 400));
        check("part without a name", "POST a form part with no Content-Disposition name", "400",
                () -> problem(multipart(boundary, "--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--"
                        + boundary + "--\r\n"), 400));
        // Content types and JSON.
        check("JSON where a form goes", "POST /api/videos with Content-Type application/json", "415",
                () -> problem(admin.sendJson("POST", "/api/videos", "{\"file\":\"/etc/passwd\"}"), 415));
        check("text where JSON goes", "PATCH a video with Content-Type text/plain", "415",
                () -> problem(admin.call("PATCH", "/api/videos/" + ownersVideo, "title=x".getBytes(StandardCharsets.UTF_8),
                        "Content-Type", "text/plain"), 415));
        check("unknown JSON field", "PATCH a video with {\"title\":\"x\",\"visibilty\":\"unlisted\"}", "400 naming the field",
                () -> problem(owner.sendJson("PATCH", "/api/videos/" + ownersVideo, "{\"title\":\"x\",\"visibilty\":\"unlisted\"}"), 400));
        check("malformed JSON", "PATCH a video with a body cut mid-object", "400",
                () -> problem(owner.sendJson("PATCH", "/api/videos/" + ownersVideo, "{\"title\": \"x"), 400));
        check("JSON of the wrong type", "PATCH a video with {\"title\": 42}", "400",
                () -> problem(owner.sendJson("PATCH", "/api/videos/" + ownersVideo, "{\"title\": 42}"), 400));
        // tus.
        check("tus without its version header", "POST /api/uploads without Tus-Resumable", "412",
                () -> problem(admin.call("POST", "/api/uploads", null, "Upload-Length", "1000"), 412));
        check("tus negative length", "POST /api/uploads with Upload-Length -5", "400",
                () -> problem(admin.call("POST", "/api/uploads", null, TUS, "1.0.0", "Upload-Length", "-5"), 400));
        check("tus length over the limit", "POST /api/uploads declaring 1 byte more than the limit", "413",
                () -> problem(admin.call("POST", "/api/uploads", null, TUS, "1.0.0", "Upload-Length",
                        String.valueOf(environment.uploadLimitBytes() + 1)), 413));
        check("tus wrong offset", "PATCH a new 1000-byte upload at offset 10", "409",
                () -> problem(patch(tusUpload(1000), 10, new byte[100], "application/offset+octet-stream"), 409));
        check("tus wrong content type", "PATCH an upload with Content-Type application/json", "415",
                () -> problem(patch(tusUpload(1000), 0, new byte[100], "application/json"), 415));
        check("tus bytes past the length", "PATCH 2000 bytes into a 1000-byte upload", "413 or 400",
                () -> problem(patch(tusUpload(1000), 0, new byte[2000], "application/offset+octet-stream"), 413, 400));
        check("tus checksum mismatch", "PATCH 100 bytes with the SHA-1 of other bytes", "460, offset unchanged",
                this::checksumMismatch);
        // Credentials and ownership.
        check("no credentials", "GET /api/videos with no Authorization", "401",
                () -> problem(MediamillClient.anonymous().get("/api/videos"), 401));
        check("wrong password", "GET /api/videos with Basic admin:wrong", "401",
                () -> problem(MediamillClient.anonymous().get("/api/videos", "Authorization",
                        MediamillClient.basic("admin", "wrong-" + UUID.randomUUID())), 401));
        check("made-up token", "GET /api/videos with Bearer mm_made-up", "401",
                () -> problem(MediamillClient.anonymous().get("/api/videos", "Authorization", "Bearer mm_made-up"), 401));
        check("another user's video", "GET the owner's video as another uploader", "404",
                () -> problem(stranger.get("/api/videos/" + ownersVideo), 404));
        check("deleting another user's video", "DELETE the owner's video as another uploader", "404, the video kept",
                () -> {
                    Saw refused = problem(stranger.delete("/api/videos/" + ownersVideo), 404);
                    int stillThere = owner.get("/api/videos/" + ownersVideo).statusCode();
                    return new Saw(refused.passed() && stillThere == 200, refused.text() + "; owner still sees it: " + stillThere);
                });
        check("another user's original", "GET the owner's original file as another uploader", "404",
                () -> problem(stranger.get("/api/videos/" + ownersVideo + "/original"), 404));
        check("an id that is no id", "GET /api/videos/../../etc/passwd and a 300-character id", "404 or 400",
                () -> {
                    Saw traversal = status(admin.get("/api/videos/..%2F..%2Fetc%2Fpasswd"), 400, 404);
                    Saw longId = status(admin.get("/api/videos/" + "a".repeat(300)), 400, 404);
                    return new Saw(traversal.passed() && longId.passed(), traversal.text() + "; " + longId.text());
                });
        check("CSRF-less cookie request", "POST /api/tokens with the session cookie and no CSRF token", "403 naming CSRF",
                () -> {
                    BrowserSession browser = new BrowserSession();
                    browser.signIn("admin", MediamillClient.adminPassword(), "/");
                    Saw forged = problem(browser.send("POST", "/api/tokens", "{}"), 403);
                    return new Saw(forged.passed() && forged.text().contains("CSRF"), forged.text());
                });
        check("bad slideshow image", "POST /api/compositions with a text file as the second image", "422 naming image",
                () -> problem(admin.compose(Map.of(), List.of(Map.entry("image", files.png("one.png")),
                        Map.entry("image", files.text("two.png", "not a picture")))), 422));

        finalChecks();
        return results;
    }

    /** After the bank: the server is healthy, and every good video that went up between bad ones is READY. */
    private void finalChecks() {
        int health = MediamillClient.anonymous().get("/api/health").statusCode();
        results.add(DrillResult.of(GROUP, "healthy after the bank", "GET /api/health after " + results.size()
                + " bad requests", "200", String.valueOf(health), health == 200).printed());
        List<String> notReady = new ArrayList<>();
        for (String id : goodVideos) {
            JsonObject video = admin.awaitStatus(id, Set.of("READY", "FAILED"), Duration.ofMinutes(5));
            if (!video.getString("status").equals("READY")) {
                notReady.add(id + " " + video.getString("status") + ": " + video.getString("error", ""));
            }
        }
        results.add(DrillResult.of(GROUP, "good videos between the bad", "uploaded a good video after every "
                + GOOD_EVERY + " bad requests (" + goodVideos.size() + ")", "all READY",
                notReady.isEmpty() ? goodVideos.size() + " READY" : "not READY: " + notReady, notReady.isEmpty()).printed());
    }

    private enum Expect { REFUSED, REFUSED_OR_FAILED, SETTLED, READY }

    private void upload(String drill, String did, Path file, String fileName, Expect expect) {
        String expected = switch (expect) {
            case REFUSED -> "4xx problem+json saying why";
            case REFUSED_OR_FAILED -> "4xx saying why, or FAILED with a reason";
            case SETTLED -> "READY, or 4xx / FAILED saying why";
            case READY -> "201, then READY";
        };
        check(drill, did, expected, () -> {
            HttpResponse<String> answer = admin.upload(file, fileName, null);
            if (answer.statusCode() != 201) {
                Saw refused = problem(answer, 400, 413, 415, 422);
                return expect == Expect.READY ? new Saw(false, refused.text()) : refused;
            }
            JsonObject video = admin.awaitStatus(MediamillClient.json(answer.body()).getString("id"),
                    Set.of("READY", "FAILED"), Duration.ofMinutes(5));
            String status = video.getString("status");
            String error = video.getString("error", "");
            String saw = "201, then " + status + (error.isBlank() ? "" : ": " + error);
            return switch (expect) {
                case REFUSED -> new Saw(false, saw);
                case REFUSED_OR_FAILED -> new Saw(status.equals("FAILED") && !error.isBlank(), saw);
                case SETTLED -> new Saw(status.equals("READY") || !error.isBlank(), saw);
                case READY -> new Saw(status.equals("READY"), saw);
            };
        });
    }

    /** A good video under a hostile client file name: taken, the name kept for display only and made harmless. */
    private void named(String drill, String did, String fileName) {
        check(drill, did, "201 and a title without path or control characters, or 400", () -> {
            HttpResponse<String> answer = admin.upload(files.good("named"), fileName, null);
            if (answer.statusCode() != 201) {
                return problem(answer, 400);
            }
            JsonObject video = MediamillClient.json(answer.body());
            goodVideos.add(video.getString("id"));
            String title = video.getString("title");
            boolean harmless = !title.contains("/") && !title.contains("..") && title.codePoints().noneMatch(Character::isISOControl);
            return new Saw(harmless, "201, title \"" + printable(title) + "\"");
        });
    }

    private void check(String drill, String did, String expected, Supplier<Saw> action) {
        results.add(DrillResult.run(GROUP, drill, did, expected, action::get));
        if (results.size() % GOOD_EVERY == 0) {
            goodVideos.add(admin.uploadVideo(files.good("between"), "good video " + (goodVideos.size() + 1)));
        }
    }

    /** The answer has one of these statuses and is problem+json with a detail that says why. */
    private static Saw problem(HttpResponse<String> answer, int... statuses) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String detail = "";
        if (type.startsWith("application/problem+json")) {
            try {
                detail = MediamillClient.json(answer.body()).getString("detail", "");
            } catch (RuntimeException e) {
                detail = "";
            }
        }
        boolean expectedStatus = false;
        for (int status : statuses) {
            expectedStatus |= answer.statusCode() == status;
        }
        String saw = answer.statusCode() + (detail.isBlank() ? " " + type + " " + cut(answer.body()) : ": " + detail);
        return new Saw(expectedStatus && !detail.isBlank(), saw);
    }

    private static Saw status(HttpResponse<String> answer, int... statuses) {
        boolean expected = false;
        for (int status : statuses) {
            expected |= answer.statusCode() == status;
        }
        return new Saw(expected, String.valueOf(answer.statusCode()));
    }

    private HttpResponse<String> multipart(String boundary, String body) {
        return admin.call("POST", "/api/videos", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private String tusUpload(long length) {
        HttpResponse<String> created = admin.call("POST", "/api/uploads", null, TUS, "1.0.0", "Upload-Length",
                String.valueOf(length));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating a tus upload answered " + created.statusCode() + ": " + created.body());
        }
        return URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private HttpResponse<String> patch(String upload, long offset, byte[] body, String contentType) {
        return admin.send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(body), TUS, "1.0.0",
                "Upload-Offset", String.valueOf(offset), "Content-Type", contentType);
    }

    private Saw checksumMismatch() {
        String upload = tusUpload(1000);
        try {
            String otherSha1 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest("other bytes".getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> answer = admin.send("PATCH", upload, HttpRequest.BodyPublishers.ofByteArray(new byte[100]),
                    TUS, "1.0.0", "Upload-Offset", "0", "Content-Type", "application/offset+octet-stream",
                    "Upload-Checksum", "sha1 " + otherSha1);
            Saw refused = problem(answer, 460);
            String offset = admin.send("HEAD", upload, HttpRequest.BodyPublishers.noBody(), TUS, "1.0.0").headers()
                    .firstValue("Upload-Offset").orElse("?");
            return new Saw(refused.passed() && offset.equals("0"), refused.text() + "; offset after: " + offset);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "…";
    }

    private static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
