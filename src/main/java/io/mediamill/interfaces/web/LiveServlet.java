package io.mediamill.interfaces.web;

import io.mediamill.application.MediaAccess;
import io.mediamill.application.MediaUrlSigner;
import io.mediamill.application.live.LiveViewers;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.interfaces.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the live relays' HLS: {@code /live/s/<token>/<camera>/index.m3u8} to whoever holds the signed URL the
 * stream JSON gives (any node accepts it, so behind a balancer the node that runs the camera can answer), and
 * {@code /live/<camera>/index.m3u8} to signed-in users. The playlist changes every segment, so it is never cached;
 * a segment never changes once listed. Only the playlist and its numbered segments are served, never ffmpeg's
 * temporary files. A camera this node does not run, or a segment that the sliding window deleted between the
 * playlist and its fetch, is a 404: players skip such a segment, and a balancer may ask another node.
 */
@WebServlet(urlPatterns = "/live/*")
public class LiveServlet extends HttpServlet {

    private static final Pattern LIVE_FILE = Pattern.compile(
            "(?:/s/([0-9]{1,20}\\.[A-Za-z0-9_-]{1,100}))?/([A-Za-z0-9][A-Za-z0-9_-]{0,63})/(index\\.m3u8|index\\d{1,20}\\.ts)");
    private static final String PLAYLIST = "index.m3u8";

    @Inject
    MediaStorage storage;

    @Inject
    LiveViewers viewers;

    @Inject
    MediaAccess access;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        Matcher matcher = LIVE_FILE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!matcher.matches()) {
            notFound(response, "No such live file.");
            return;
        }
        String token = matcher.group(1);
        String camera = matcher.group(2);
        String name = matcher.group(3);
        if (token == null ? !signedIn(request) : access.verifyLive(camera, token) != MediaUrlSigner.Verdict.VALID) {
            if (token != null && access.verifyLive(camera, token) == MediaUrlSigner.Verdict.EXPIRED) {
                plain(response, HttpServletResponse.SC_FORBIDDEN,
                        "This live URL has expired: ask /api/streams for the camera again to get a fresh one.");
            } else {
                notFound(response, "No such live file.");
            }
            return;
        }
        Path file = storage.liveDir(camera).resolve(name);
        boolean playlist = name.equals(PLAYLIST);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            notFound(response, playlist ? "Camera " + camera + " is not live on this node (yet): try again in a moment."
                    : "This segment has left the live window.");
            return;
        }
        if (playlist) {
            viewers.seen(camera, viewer(request), clock.instant());
            response.setContentType("application/vnd.apple.mpegurl");
            response.setHeader("Cache-Control", "no-cache, no-store");
        } else {
            response.setContentType("video/mp2t");
            response.setHeader("Cache-Control", "private, max-age=60");
        }
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    /** A viewer is a browser session, or else a user at an address (API clients and players without cookies). */
    private static String viewer(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            return session.getId();
        }
        return SignedIn.actor(request).map(actor -> actor.username()).orElse("") + "@" + request.getRemoteAddr();
    }

    /** Anyone signed in with a role watches; the access filter let the anonymous through for signed URLs. */
    private static boolean signedIn(HttpServletRequest request) {
        return SignedIn.actor(request).map(actor -> !actor.roles().isEmpty()).orElse(false);
    }

    private static void notFound(HttpServletResponse response, String message) throws IOException {
        plain(response, HttpServletResponse.SC_NOT_FOUND, message);
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }
}
