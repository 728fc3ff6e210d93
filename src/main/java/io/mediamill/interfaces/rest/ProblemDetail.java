package io.mediamill.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail: every API error has this shape. */
public record ProblemDetail(String type, String title, int status, String detail, String instance) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(Response.StatusType status, String detail, String instance) {
        ProblemDetail problem = new ProblemDetail("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                detail, instance);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
