package io.mediamill.interfaces.web;

import io.mediamill.application.LocalCopies;
import io.mediamill.application.MediaAccess;
import io.mediamill.application.VideoService;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.interfaces.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Serves the outputs of processing under {@code /media/...}: byte ranges for seeking players, validators
 * (ETag, Last-Modified) so caches can revalidate. Only files the storage layout calls outputs, only with an
 * extension on {@link MediaTypes}' list and with its Content-Type, and only to whoever {@link MediaAccess}
 * lets read the video: the holder of a signed URL, anyone for an unlisted video, else the owner and
 * operators. Everything else is a 404, so a private video cannot even be told apart from a missing one.
 */
@WebServlet(urlPatterns = "/media/*")
public class MediaServlet extends HttpServlet {

    private static final String MAX_AGE = ", max-age=3600";
    private static final int COME_BACK_SECONDS = 5;

    @Inject
    MediaStorage storage;

    @Inject
    MediaAccess access;

    @Inject
    LocalCopies copies;

    @Inject
    VideoService videos;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // On every answer: no browser guesses another type, and nothing served from here runs as a page.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        boolean get = "GET".equals(request.getMethod());
        if (get || "HEAD".equals(request.getMethod())) {
            serve(request, response, get);
        } else {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Media is read with GET or HEAD.", true);
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        Optional<MediaUrls.Requested> requested = MediaUrls.parse(request.getPathInfo());
        Optional<MediaStorage.VideoFile> file = requested.flatMap(r -> storage.servable(r.relativePath()));
        Optional<String> type = file.flatMap(f -> MediaTypes.of(f.path().getFileName().toString()));
        if (type.isEmpty()) {
            notFound(response, withBody);
            return;
        }
        MediaAccess.Decision decision = access.decide(file.get().videoId(), requested.get().token(), SignedIn.actor(request));
        if (decision == MediaAccess.Decision.EXPIRED) {
            plain(response, HttpServletResponse.SC_FORBIDDEN,
                    "This media URL has expired: ask the API for the video again to get fresh ones.", withBody);
            return;
        }
        Path path = file.get().path();
        if (decision == MediaAccess.Decision.NOT_FOUND) {
            notFound(response, withBody);
            return;
        }
        if (!Files.isRegularFile(path) && !fetchedFromPeer(file.get().videoId(), path)) {
            if (copies.hasPeers() && videos.isReady(file.get().videoId())) {
                response.setHeader("Retry-After", String.valueOf(COME_BACK_SECONDS));
                plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "This video's files are still on their way "
                        + "to this server: try again in " + COME_BACK_SECONDS + " seconds.", withBody);
            } else {
                notFound(response, withBody);
            }
            return;
        }
        FileVersion version = FileVersion.of(path);
        response.setHeader("ETag", version.etag());
        response.setDateHeader("Last-Modified", version.lastModifiedMillis());
        // What a signed URL or a signed-in user was given must not be handed to others by a shared cache.
        response.setHeader("Cache-Control", (decision == MediaAccess.Decision.PUBLIC ? "public" : "private") + MAX_AGE);
        response.setHeader("Accept-Ranges", "bytes");
        response.setContentType(type.get());

        if (notModified(request, version)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        long length = version.length();
        ByteRange.Parsed range = version.satisfiesIfRange(request.getHeader("If-Range"))
                ? ByteRange.parse(request.getHeader("Range"), length)
                : new ByteRange.Ignored();
        if (range instanceof ByteRange.Unsatisfiable) {
            response.setHeader("Content-Range", "bytes */" + length);
            plain(response, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE,
                    "The range lies beyond the end of the file.", withBody);
            return;
        }
        ByteRange slice = range instanceof ByteRange.Satisfiable satisfiable ? satisfiable.range() : ByteRange.whole(length);
        if (range instanceof ByteRange.Satisfiable) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", slice.contentRange(length));
        }
        response.setContentLengthLong(Math.max(0, slice.length()));
        if (withBody && length > 0) {
            slice.copy(path, response.getOutputStream());
        }
    }

    /** Another node made the ready video's files and they have not reached this one yet: they are fetched now. */
    private boolean fetchedFromPeer(String videoId, Path path) {
        return copies.hasPeers() && videos.isReady(videoId) && copies.awaitOutputs(videoId) && Files.isRegularFile(path);
    }

    private static void notFound(HttpServletResponse response, boolean withBody) throws IOException {
        plain(response, HttpServletResponse.SC_NOT_FOUND, "Not found.", withBody);
    }

    /** A short plain-text answer of our own: the container's error pages are HTML. */
    private static void plain(HttpServletResponse response, int status, String text, boolean withBody) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean notModified(HttpServletRequest request, FileVersion version) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.trim().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(version.etag()::equals);
        }
        long ifModifiedSince = dateHeader(request, "If-Modified-Since");
        return ifModifiedSince >= 0 && version.lastModifiedMillis() <= ifModifiedSince;
    }

    private static long dateHeader(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException unparseable) {
            return -1;
        }
    }
}
