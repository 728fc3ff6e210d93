package io.mediamill.interfaces.security;

import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The bearer token that lets a Prometheus scraper read {@code /metrics} without being a user
 * ({@code MEDIAMILL_METRICS_TOKEN}). It opens nothing else. Compared as SHA-256 digests in constant time, so
 * neither the time of an answer nor the token's length tells a guesser how close they came.
 */
@ApplicationScoped
public class ScrapeToken {

    /** Null when no token is configured: then only operators read the metrics. */
    private byte[] expected;

    protected ScrapeToken() {
        // for CDI proxies
    }

    @Inject
    public ScrapeToken(MediamillConfig config) {
        this(config.metricsToken());
    }

    ScrapeToken(String configured) {
        this.expected = configured == null ? null : sha256(configured);
    }

    /** Whether the request's {@code Authorization} header is {@code Bearer <the configured token>}. */
    boolean presentedBy(HttpServletRequest request) {
        return matches(request.getHeader("Authorization"));
    }

    boolean matches(String authorization) {
        if (expected == null || authorization == null) {
            return false;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(header.substring(space + 1).strip()));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
