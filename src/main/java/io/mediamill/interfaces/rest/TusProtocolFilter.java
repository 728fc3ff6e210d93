package io.mediamill.interfaces.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;

/**
 * The tus rules that hold for every request: {@code X-HTTP-Method-Override} for clients that can only send
 * POST, and the {@code Tus-Resumable} version on every request and response. Cross-origin browser clients
 * (tus-js-client, Uppy) are let in by the CORS policy of the whole application, not here.
 */
@Provider
@PreMatching
public class TusProtocolFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Set<String> OVERRIDABLE = Set.of(HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD);

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isTus(request)) {
            return;
        }
        String override = request.getHeaderString("X-HTTP-Method-Override");
        if (override != null && request.getMethod().equals(HttpMethod.POST)
                && OVERRIDABLE.contains(override.strip().toUpperCase(Locale.ROOT))) {
            request.setMethod(override.strip().toUpperCase(Locale.ROOT));
        }
        if (request.getMethod().equals(HttpMethod.OPTIONS)) {
            return;
        }
        String version = request.getHeaderString("Tus-Resumable");
        if (!TusResource.VERSION.equals(version)) {
            request.abortWith(Response.status(Response.Status.PRECONDITION_FAILED)
                    .header("Tus-Version", TusResource.VERSION)
                    .entity(new ProblemDetail("about:blank", "Precondition Failed", 412,
                            "Send Tus-Resumable: " + TusResource.VERSION + " (this server speaks only that version).",
                            request.getUriInfo().getRequestUri().getPath()))
                    .type(ProblemDetail.MEDIA_TYPE)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isTus(request)) {
            return;
        }
        response.getHeaders().putSingle("Tus-Resumable", TusResource.VERSION);
    }

    private static boolean isTus(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("uploads") || path.startsWith("uploads/") || path.equals("/uploads") || path.startsWith("/uploads/");
    }
}
