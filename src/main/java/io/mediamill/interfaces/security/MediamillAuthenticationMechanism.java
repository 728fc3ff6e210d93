package io.mediamill.interfaces.security;

import io.mediamill.application.users.BadCredentialsException;
import io.mediamill.application.users.SignInThrottledException;
import io.mediamill.application.users.TokenService;
import io.mediamill.application.users.UserService;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.user.Role;
import io.mediamill.infrastructure.persistence.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one Jakarta Security mechanism of the application (the platform allows one): it establishes who sends a
 * request from an API token ({@code Authorization: Bearer}), HTTP Basic, or the session a form sign-in started.
 * It never answers by itself: a request without valid credentials goes on anonymous, with the reason recorded,
 * and {@link AccessFilter} decides what anonymous callers may reach and how they are told (401 problem+json for
 * the API, the sign-in page for pages). Nor does a database that cannot be reached while credentials are checked
 * make it fail: the outage is recorded as the reason and answered as one (503, see {@link OutageResponse}).
 */
@ApplicationScoped
public class MediamillAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    UserService users;

    @Inject
    TokenService tokens;

    @Inject
    ProxyTrust proxies;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return establish(request, context);
        } catch (RuntimeException e) {
            // Thrown from here it would be the container's 500 page, before any filter of ours could answer.
            if (!DatabaseOutage.isOutage(e)) {
                throw e;
            }
            SignedIn.refuse(request, e);
            return context.isAuthenticationRequest() ? AuthenticationStatus.SEND_FAILURE : context.doNothing();
        }
    }

    private AuthenticationStatus establish(HttpServletRequest request, HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential form) {
            return formSignIn(request, context, form);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return fromHeader(request, context, authorization.strip());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedIn.SESSION_USER) instanceof String username) {
            Optional<Actor> actor = users.active(username);
            if (actor.isPresent()) {
                return accept(request, context, actor.get(), SignedIn.Kind.SESSION);
            }
            // Disabled or deleted since: the session ends with them.
            session.invalidate();
        }
        return context.doNothing();
    }

    private AuthenticationStatus formSignIn(HttpServletRequest request, HttpMessageContext context,
                                            UsernamePasswordCredential credential) {
        Actor actor;
        try {
            actor = users.signIn(credential.getCaller(), credential.getPasswordAsString(), proxies.clientAddress(request));
        } catch (BadCredentialsException | SignInThrottledException refused) {
            SignedIn.refuse(request, refused);
            return AuthenticationStatus.SEND_FAILURE;
        }
        // A new session id at sign-in, so an id planted before it (session fixation) is worth nothing.
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        } else {
            session = request.getSession(true);
        }
        session.setAttribute(SignedIn.SESSION_USER, actor.username());
        CsrfTokens.renew(session);
        return accept(request, context, actor, SignedIn.Kind.SESSION);
    }

    private AuthenticationStatus fromHeader(HttpServletRequest request, HttpMessageContext context, String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "bearer" -> {
                Optional<Actor> actor = tokens.authenticate(value);
                if (actor.isPresent()) {
                    return accept(request, context, actor.get(), SignedIn.Kind.BEARER);
                }
                SignedIn.refuse(request, new BadCredentialsException());
            }
            case "basic" -> {
                try {
                    String pair = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    if (colon < 0) {
                        throw new BadCredentialsException();
                    }
                    Actor actor = users.signIn(pair.substring(0, colon), pair.substring(colon + 1),
                            proxies.clientAddress(request));
                    return accept(request, context, actor, SignedIn.Kind.BASIC);
                } catch (IllegalArgumentException malformedBase64) {
                    SignedIn.refuse(request, new BadCredentialsException());
                } catch (BadCredentialsException | SignInThrottledException refused) {
                    SignedIn.refuse(request, refused);
                }
            }
            default -> SignedIn.refuse(request, new BadCredentialsException());
        }
        return context.doNothing();
    }

    private static AuthenticationStatus accept(HttpServletRequest request, HttpMessageContext context, Actor actor,
                                               SignedIn.Kind kind) {
        SignedIn.record(request, actor, kind);
        return context.notifyContainerAboutLogin(actor.username(),
                actor.roles().stream().map(Role::roleName).collect(Collectors.toSet()));
    }
}
