package io.mediamill.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Synchronizer tokens against cross-site request forgery: one random token per session, put into the pages,
 * and required on every state-changing request that a session cookie authenticates, as the {@code X-CSRF-Token}
 * header (scripts) or the {@code _csrf} form field (plain forms). Another site can make a browser send our
 * cookie, but cannot read the token.
 */
public final class CsrfTokens {

    public static final String SESSION_ATTRIBUTE = "mediamill.csrf";
    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, made when the session first needs one. */
    public static String of(HttpSession session) {
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        return token instanceof String existing ? existing : renew(session);
    }

    static String renew(HttpSession session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, token);
        return token;
    }

    /** Whether the request carries its session's token (header, or the form field of an urlencoded form). */
    public static boolean carried(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (!(expected instanceof String token)) {
            return false;
        }
        String presented = request.getHeader(HEADER);
        if (presented == null && isUrlencodedForm(request)) {
            presented = request.getParameter(FIELD);
        }
        return presented != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isUrlencodedForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
