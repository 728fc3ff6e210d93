package io.mediamill.interfaces.security;

import io.mediamill.infrastructure.persistence.DatabaseOutage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The answer to a request that failed because the database cannot be reached: 503 with {@code Retry-After},
 * as problem+json for the API, plain text for media and a short page for the pages, never the container's 500
 * with a stack trace. The server log gets one line per such request, with the driver's words.
 */
public final class OutageResponse {

    /** How long a client is asked to wait: long enough for a restarting database, short enough to notice its return. */
    public static final long RETRY_AFTER_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(OutageResponse.class.getName());

    private OutageResponse() {
    }

    /** What a client is told, in words that hold for any request. */
    public static String detail(DatabaseOutage outage) {
        return "The service cannot reach its database just now (" + outage.cause() + "); try again in "
                + RETRY_AFTER_SECONDS + " seconds.";
    }

    /** One line in the server log for a request the outage failed. */
    public static void log(String method, String path, DatabaseOutage outage) {
        LOG.warning(() -> method + " " + path + " answered 503: " + outage);
    }

    /** Writes the 503; the response must not be committed yet. */
    public static void send(HttpServletResponse response, String method, String path, DatabaseOutage outage)
            throws IOException {
        log(method, path, outage);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (path.equals("/api") || path.startsWith("/api/")) {
            Problems.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable", detail(outage), path);
            return;
        }
        boolean media = path.startsWith("/media/");
        String body = media ? detail(outage) + "\n" : page(outage);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType((media ? "text/plain" : "text/html") + ";charset=UTF-8");
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(bytes);
        }
    }

    /** A page of its own (no header, no scripts: rendering the usual ones may need the database too). */
    private static String page(DatabaseOutage outage) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">"
                + "<title>Unavailable · Mediamill</title></head>\n<body><main><h1>Mediamill is unavailable for a moment</h1>"
                + "<p>It cannot reach its database just now (" + outage.cause() + "). This page tries again every "
                + RETRY_AFTER_SECONDS + " seconds.</p></main></body></html>\n";
    }
}
