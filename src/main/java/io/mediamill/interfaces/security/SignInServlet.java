package io.mediamill.interfaces.security;

import io.mediamill.application.users.SignInThrottledException;
import io.mediamill.infrastructure.persistence.DatabaseOutage;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sign-in form at {@code /login}: shows it (with a CSRF token, so no other site can sign a browser into an
 * account of its choosing), checks the name and password through the authentication mechanism, and goes back
 * to the page that was asked for.
 */
@WebServlet("/login")
public class SignInServlet extends HttpServlet {

    private static final String PAGE = "/WEB-INF/login.jsp";
    /** Only a path of this site: no scheme, no {@code //host}, no backslash tricks, nothing to escape in HTML. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$&()*+,;=:@%/?-]*");

    @Inject
    SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        show(request, response, HttpServletResponse.SC_OK, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!CsrfTokens.carried(request)) {
            show(request, response, HttpServletResponse.SC_FORBIDDEN, "The form had expired; please sign in again.");
            return;
        }
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, "Enter your user name and password.");
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username.strip(), password)).newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + next(request));
            return;
        }
        Optional<DatabaseOutage> outage = SignedIn.refusal(request).flatMap(DatabaseOutage::in);
        if (outage.isPresent()) {
            OutageResponse.log(request.getMethod(), "/login", outage.get());
            response.setHeader("Retry-After", String.valueOf(OutageResponse.RETRY_AFTER_SECONDS));
            show(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Signing in is not possible just now: "
                    + "the service cannot reach its database. Please try again in a moment.");
            return;
        }
        if (SignedIn.refusal(request).orElse(null) instanceof SignInThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            show(request, response, 429, throttled.getMessage());
            return;
        }
        show(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Wrong user name or password.");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws ServletException, IOException {
        request.setAttribute("csrfToken", CsrfTokens.of(request.getSession(true)));
        request.setAttribute("next", next(request));
        request.setAttribute("error", error);
        request.setAttribute("signedOut", request.getParameter("signedOut") != null);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    private static String next(HttpServletRequest request) {
        return safeNext(request.getParameter("next"));
    }

    static String safeNext(String next) {
        return next != null && LOCAL_PATH.matcher(next).matches() && !next.startsWith("/login") ? next : "/";
    }
}
