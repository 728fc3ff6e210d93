package io.mediamill.interfaces.security;

import io.mediamill.domain.model.user.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/** The signed-in user of the current request, for resources that hand it to the application services. */
@RequestScoped
public class CurrentActor {

    @Inject
    HttpServletRequest request;

    /** @throws NotAuthorizedException for an anonymous request (the access filter lets few of them through) */
    public Actor get() {
        return SignedIn.actor(request).orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"Mediamill\""));
    }

    public boolean isOperator() {
        return SignedIn.actor(request).map(Actor::isOperator).orElse(false);
    }
}
