package io.mediamill.interfaces.web;

import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Serves committed media from the media volume under {@code /media/...}: byte ranges for seeking players,
 * validators (ETag, Last-Modified) so caches can revalidate, and a Cache-Control fit for files that change
 * only when a video is reprocessed.
 */
@WebServlet(urlPatterns = "/media/*")
public class MediaServlet extends HttpServlet {

    private static final String CACHE_CONTROL = "public, max-age=3600";
    private static final int BUFFER = 64 * 1024;

    @Inject
    MediaStorage storage;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        Path file = publicFile(request.getPathInfo());
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long length = Files.size(file);
        long lastModified = Files.getLastModifiedTime(file).toMillis() / 1000 * 1000;
        String etag = "\"" + Long.toHexString(length) + "-" + Long.toHexString(lastModified) + "\"";

        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModified);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Accept-Ranges", "bytes");
        String mimeType = getServletContext().getMimeType(file.getFileName().toString());
        response.setContentType(mimeType == null ? "application/octet-stream" : mimeType);

        if (notModified(request, etag, lastModified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        ByteRange.Parsed range = rangeStillValid(request, etag, lastModified)
                ? ByteRange.parse(request.getHeader("Range"), length)
                : new ByteRange.Ignored();
        if (range instanceof ByteRange.Unsatisfiable) {
            response.setHeader("Content-Range", "bytes */" + length);
            response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        ByteRange slice = range instanceof ByteRange.Satisfiable satisfiable
                ? satisfiable.range()
                : new ByteRange(0, length - 1);
        if (range instanceof ByteRange.Satisfiable) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", slice.contentRange(length));
        }
        response.setContentLengthLong(Math.max(0, slice.length()));
        if (withBody && length > 0) {
            copy(file, slice, response.getOutputStream());
        }
    }

    private Path publicFile(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return null;
        }
        try {
            Path file = storage.resolve(pathInfo.substring(1));
            return storage.isPublic(file) && Files.isRegularFile(file) ? file : null;
        } catch (IllegalArgumentException outsideVolume) {
            return null;
        }
    }

    private static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.trim().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(etag::equals);
        }
        long ifModifiedSince = dateHeader(request, "If-Modified-Since");
        return ifModifiedSince >= 0 && lastModified <= ifModifiedSince;
    }

    /** If-Range: a range applies only while the file is still the one the client has part of. */
    private static boolean rangeStillValid(HttpServletRequest request, String etag, long lastModified) {
        String ifRange = request.getHeader("If-Range");
        if (ifRange == null) {
            return true;
        }
        if (ifRange.trim().startsWith("\"")) {
            return ifRange.trim().equals(etag);
        }
        return dateHeader(request, "If-Range") == lastModified;
    }

    private static long dateHeader(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException unparseable) {
            return -1;
        }
    }

    private static void copy(Path file, ByteRange slice, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long position = slice.start();
            long remaining = slice.length();
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(BUFFER, remaining));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                out.write(buffer.array(), 0, read);
                position += read;
                remaining -= read;
            }
        }
    }
}
