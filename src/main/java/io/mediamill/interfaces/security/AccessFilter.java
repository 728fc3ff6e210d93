package io.mediamill.interfaces.security;

import io.mediamill.application.users.SignInThrottledException;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.infrastructure.persistence.DatabaseOutage;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Who may reach what, for every request after the authentication mechanism has run: cross-origin rules first;
 * the metrics only for operators and a scraper with the metrics token; then the sign-in page, static files, the
 * health summary and media (which checks per video itself) are open; everything else needs a signed-in user
 * with a role. Anonymous API calls and metrics reads get 401 problem+json with a challenge, anonymous page
 * visits the sign-in page (coming back afterwards); a state-changing request that only a session cookie
 * authenticates must carry the session's CSRF token.
 * When the database could not be reached to check a caller's credentials, open paths go on anonymously and
 * everything else is answered 503.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AccessFilter extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OPEN_PATHS = Set.of("/login", "/api/health", "/favicon.ico");
    private static final Set<String> OPEN_PREFIXES = Set.of("/static/", "/vendor/", "/media/", "/live/");
    private static final Set<String> OPERATOR_PAGES = Set.of("/users.jsp", "/console");
    private static final String METRICS = "/metrics";

    @Inject
    CorsPolicy cors;

    @Inject
    ScrapeToken scrapeToken;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (hasDotSegment(path)) {
            // Decisions below are taken on the path as sent; the container resolves "..", so /static/../users.jsp
            // would be judged open and served as the page it names. No client of ours sends such paths.
            Problems.write(response, 400, "Bad Request", "A path with \".\" or \"..\" segments is not accepted.", path);
            return;
        }
        // No answer of ours is ever to be sniffed into another type, nor any page framed by another site.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        switch (cors.apply(request, response)) {
            case ANSWERED_PREFLIGHT -> {
                return;
            }
            case REFUSED_PREFLIGHT -> {
                Problems.write(response, 403, "Forbidden", "Origin " + request.getHeader("Origin")
                        + " may not call this service (MEDIAMILL_CORS_ORIGINS).", path);
                return;
            }
            default -> { }
        }
        if (isMetrics(request)) {
            guardMetrics(request, response, chain, path);
            return;
        }
        Optional<RuntimeException> refusal = SignedIn.refusal(request);
        Optional<DatabaseOutage> outage = refusal.flatMap(DatabaseOutage::in);
        if (outage.isPresent()) {
            if (isOpen(path)) {
                chain.doFilter(request, response);
            } else {
                OutageResponse.send(response, request.getMethod(), path, outage.get());
            }
            return;
        }
        if (refusal.isPresent() && !path.equals("/login")) {
            refuse(request, response, path, refusal.get());
            return;
        }
        if (isOpen(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = SignedIn.actor(request);
        if (actor.isEmpty()) {
            askToSignIn(request, response, path);
            return;
        }
        if (actor.get().roles().isEmpty() && !path.equals("/logout")) {
            forbid(response, path, "User " + actor.get().username() + " has no role here; ask an operator.");
            return;
        }
        if (OPERATOR_PAGES.contains(path) && !actor.get().isOperator()) {
            forbid(response, path, "Only operators may open this page.");
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && SignedIn.kind(request).orElse(null) == SignedIn.Kind.SESSION && !CsrfTokens.carried(request)) {
            Problems.write(response, 403, "Forbidden", "This request needs the page's CSRF token (header "
                    + CsrfTokens.HEADER + " or form field " + CsrfTokens.FIELD + "); reload the page and try again.", path);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Operators, and a scraper sending the metrics token (which the mechanism, knowing no such API token, has
     * refused: so it is looked at first). Everyone else is answered as the API answers: scrapers read no pages.
     */
    private void guardMetrics(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
            throws IOException, ServletException {
        if (scrapeToken.presentedBy(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<RuntimeException> refusal = SignedIn.refusal(request);
        Optional<Actor> actor = SignedIn.actor(request);
        if (refusal.isPresent()) {
            refuse(request, response, path, refusal.get());
        } else if (actor.isEmpty()) {
            askToSignIn(request, response, path);
        } else if (!actor.get().isOperator()) {
            Problems.write(response, 403, "Forbidden",
                    "Only operators, and scrapers sending the metrics token, may read the metrics.", path);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** By the servlet the request goes to, so that no other spelling of the path ({@code /metrics;x}) slips by. */
    private static boolean isMetrics(HttpServletRequest request) {
        return METRICS.equals(request.getServletPath());
    }

    /** Whether the path has a "." or ".." segment, also spelled with percent-encoded dots. */
    static boolean hasDotSegment(String path) {
        String dots = path.replaceAll("(?i)%2e", ".");
        for (String segment : dots.split("[/;]", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpen(String path) {
        return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String path,
                               RuntimeException why) throws IOException {
        if (why instanceof SignInThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            Problems.write(response, 429, "Too Many Requests", throttled.getMessage(), path);
            return;
        }
        challenge(request, response);
        Problems.write(response, 401, "Unauthorized", "The credentials sent are not valid.", path);
    }

    private static void askToSignIn(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        if (!isApi(path) && !isMetrics(request) && SAFE_METHODS.contains(request.getMethod())) {
            String target = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            return;
        }
        challenge(request, response);
        Problems.write(response, 401, "Unauthorized", "Sign in: send an API token (Authorization: Bearer …), "
                + "HTTP Basic credentials, or use the pages after signing in at /login.", path);
    }

    /** Scripts of our own pages say so, and get no Basic challenge: it would make the browser pop up its own dialog. */
    private static void challenge(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("WWW-Authenticate", "Bearer realm=\"Mediamill\"");
        if (request.getHeader("X-Requested-With") == null) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Mediamill\", charset=\"UTF-8\"");
        }
    }

    private static void forbid(HttpServletResponse response, String path, String detail) throws IOException {
        if (isApi(path)) {
            Problems.write(response, 403, "Forbidden", detail, path);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, detail);
        }
    }
}
