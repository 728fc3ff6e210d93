package io.mediamill.interfaces.security;

import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin access: only the origins in {@code MEDIAMILL_CORS_ORIGINS} may read our answers from their
 * pages, and never with our cookies (no {@code Allow-Credentials}), so another site's page can use the API
 * only with a token its user gave it. An Origin is never reflected unless it is on the list.
 */
@ApplicationScoped
public class CorsPolicy {

    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PATCH, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Requested-With, X-Request-ID, "
            + "X-HTTP-Method-Override, Upload-Length, Upload-Offset, Tus-Resumable, Upload-Metadata, "
            + "Upload-Defer-Length, Upload-Concat, Upload-Checksum, Range, If-None-Match, If-Modified-Since, If-Range";
    private static final String EXPOSED_HEADERS = "Location, Upload-Offset, Upload-Length, Tus-Version, Tus-Resumable, "
            + "Tus-Max-Size, Tus-Extension, Tus-Checksum-Algorithm, Upload-Metadata, Upload-Defer-Length, Upload-Concat, "
            + "Upload-Expires, Video-Location, Content-Range, Content-Length, Accept-Ranges, ETag, Retry-After";

    private Set<String> allowed;

    protected CorsPolicy() {
        // for CDI proxies
    }

    @Inject
    public CorsPolicy(MediamillConfig config) {
        this.allowed = Set.copyOf(config.corsOrigins().stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
    }

    /** What became of a request as far as CORS goes. */
    enum Outcome { NOT_CROSS_ORIGIN, ALLOWED, ANSWERED_PREFLIGHT, REFUSED_PREFLIGHT }

    Outcome apply(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return Outcome.NOT_CROSS_ORIGIN;
        }
        response.addHeader("Vary", "Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (!allowed.contains(origin.toLowerCase(Locale.ROOT))) {
            return preflight ? Outcome.REFUSED_PREFLIGHT : Outcome.NOT_CROSS_ORIGIN;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        if (!preflight) {
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            return Outcome.ALLOWED;
        }
        response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return Outcome.ANSWERED_PREFLIGHT;
    }
}
