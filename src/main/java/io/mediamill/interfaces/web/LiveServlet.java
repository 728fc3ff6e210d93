package io.mediamill.interfaces.web;

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
 * Serves the live relays' HLS under {@code /live/<camera>/index.m3u8} to signed-in users (the access filter
 * sees to that). The playlist changes every segment, so it is never cached; a segment never changes once
 * listed. Only the playlist and its numbered segments are served, never ffmpeg's temporary files. A segment that
 * the sliding window deleted between the playlist and its fetch is a plain 404, which players skip.
 */
@WebServlet(urlPatterns = "/live/*")
public class LiveServlet extends HttpServlet {

    private static final Pattern LIVE_FILE = Pattern.compile("/([A-Za-z0-9][A-Za-z0-9_-]{0,63})/(index\\.m3u8|index\\d{1,20}\\.ts)");
    private static final String PLAYLIST = "index.m3u8";

    @Inject
    MediaStorage storage;

    @Inject
    LiveViewers viewers;

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
        String camera = matcher.group(1);
        String name = matcher.group(2);
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

    private static void notFound(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }
}
