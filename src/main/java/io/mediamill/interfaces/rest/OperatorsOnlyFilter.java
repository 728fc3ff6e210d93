package io.mediamill.interfaces.rest;

import io.mediamill.domain.model.user.Actor;
import io.mediamill.interfaces.security.SignedIn;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 403 problem+json to a signed-in caller who is not an operator, before an {@link OperatorsOnly}
 * resource method runs. Anonymous callers never get here: the access filter has answered them 401.
 */
@Provider
@OperatorsOnly
@Priority(Priorities.AUTHORIZATION)
public class OperatorsOnlyFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!SignedIn.actor(request).map(Actor::isOperator).orElse(false)) {
            context.abortWith(ProblemDetail.response(Response.Status.FORBIDDEN,
                    "Only operators may control processing jobs.", context.getUriInfo().getRequestUri().getPath()));
        }
    }
}
