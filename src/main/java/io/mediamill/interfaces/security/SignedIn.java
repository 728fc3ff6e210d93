package io.mediamill.interfaces.security;

import io.mediamill.domain.model.user.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What the authentication mechanism learned about a request, kept as request attributes: who it is, how they
 * proved it, and why a presented credential was refused. Roles come from our own records, not from the
 * container's role mapping, so every server sees the same roles.
 */
public final class SignedIn {

    /** How a request proved who sent it. Only cookie sessions need CSRF tokens: a browser sends cookies on its own. */
    public enum Kind { SESSION, BASIC, BEARER }

    static final String ACTOR = "mediamill.actor";
    static final String KIND = "mediamill.auth.kind";
    static final String REFUSAL = "mediamill.auth.refusal";
    /** The session attribute naming the signed-in user. */
    static final String SESSION_USER = "mediamill.user";

    private SignedIn() {
    }

    public static Optional<Actor> actor(HttpServletRequest request) {
        return Optional.ofNullable((Actor) request.getAttribute(ACTOR));
    }

    /** Whether the request proved itself with the session cookie of a signed-in page. */
    public static boolean bySession(HttpServletRequest request) {
        return kind(request).orElse(null) == Kind.SESSION;
    }

    static Optional<Kind> kind(HttpServletRequest request) {
        return Optional.ofNullable((Kind) request.getAttribute(KIND));
    }

    static Optional<RuntimeException> refusal(HttpServletRequest request) {
        return Optional.ofNullable((RuntimeException) request.getAttribute(REFUSAL));
    }

    static void record(HttpServletRequest request, Actor actor, Kind kind) {
        request.setAttribute(ACTOR, actor);
        request.setAttribute(KIND, kind);
    }

    static void refuse(HttpServletRequest request, RuntimeException why) {
        request.setAttribute(REFUSAL, why);
    }
}
