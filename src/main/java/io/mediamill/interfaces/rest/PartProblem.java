package io.mediamill.interfaces.rest;

import jakarta.ws.rs.core.Response;

/**
 * A {@link ProblemDetail} that names the form part at fault ({@code image}, {@code transitionSeconds}, …), as an
 * extension member, so a form can point at the field to correct.
 */
public record PartProblem(String type, String title, int status, String detail, String instance, String part) {

    public static Response response(Response.StatusType status, String detail, String instance, String part) {
        PartProblem problem = new PartProblem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                instance, part);
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }
}
