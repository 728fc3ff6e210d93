package io.mediamill.interfaces.rest;

import io.mediamill.application.InvalidUploadException;
import io.mediamill.application.JobNotFoundException;
import io.mediamill.application.JobTransitionException;
import io.mediamill.application.ResumableUploadException;
import io.mediamill.application.slideshow.RefusedCompositionException;
import io.mediamill.application.users.InvalidUserException;
import io.mediamill.application.users.NotPermittedException;
import io.mediamill.application.users.RejectedPasswordException;
import io.mediamill.application.users.UnknownTokenException;
import io.mediamill.application.users.UnknownUserException;
import io.mediamill.application.users.UserConflictException;
import io.mediamill.application.ServiceBusyException;
import io.mediamill.application.live.StreamConflictException;
import io.mediamill.application.live.StreamNotFoundException;
import io.mediamill.application.live.TooManyRelaysException;
import io.mediamill.domain.model.live.RefusedSourceException;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoStateException;
import io.mediamill.infrastructure.persistence.DatabaseOutage;
import io.mediamill.infrastructure.storage.InsufficientStorageException;
import io.mediamill.interfaces.security.OutageResponse;
import jakarta.json.JsonException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns every failure of a request into a problem+json response with a status that says whose fault it was. A
 * failure because the database cannot be reached, however it is wrapped, is nobody's fault: 503 with
 * {@code Retry-After}.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    /** A status the JAX-RS enum lacks, such as tus's 460 Checksum Mismatch. */
    private static Response.StatusType status(int code, String reason) {
        Response.Status known = Response.Status.fromStatusCode(code);
        return known != null ? known : new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return reason;
            }
        };
    }

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    /** The first failure of that type in the chain of causes (runtimes wrap what a body reader threw). */
    private static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    @Override
    public Response toResponse(Throwable failure) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        Optional<DatabaseOutage> outage = DatabaseOutage.in(failure);
        if (outage.isPresent()) {
            OutageResponse.log(request == null ? "" : request.getMethod(), instance, outage.get());
            return Response.fromResponse(ProblemDetail.response(Response.Status.SERVICE_UNAVAILABLE,
                            OutageResponse.detail(outage.get()), instance))
                    .header(HttpHeaders.RETRY_AFTER, OutageResponse.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (failure instanceof VideoNotFoundException) {
            return ProblemDetail.response(Response.Status.NOT_FOUND, failure.getMessage(), instance);
        }
        if (failure instanceof ResumableUploadException upload) {
            return ProblemDetail.response(status(upload.status(), upload.reason()), failure.getMessage(), instance);
        }
        if (failure instanceof JobNotFoundException) {
            return ProblemDetail.response(Response.Status.NOT_FOUND, failure.getMessage(), instance);
        }
        if (failure instanceof VideoStateException || failure instanceof JobTransitionException) {
            return ProblemDetail.response(Response.Status.CONFLICT, failure.getMessage(), instance);
        }
        if (failure instanceof ServiceBusyException busy) {
            // A client that honours Retry-After comes back when a slot is likely to be free, not at once.
            return Response.fromResponse(ProblemDetail.response(Response.Status.SERVICE_UNAVAILABLE, failure.getMessage(), instance))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, busy.retryAfter().toSeconds()))
                    .build();
        }
        if (failure instanceof TooManyRelaysException full) {
            return Response.fromResponse(ProblemDetail.response(status(429, "Too Many Requests"), failure.getMessage(), instance))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, full.retryAfter().toSeconds()))
                    .build();
        }
        if (failure instanceof RefusedCompositionException refused) {
            String reason = refused.status() == 422 ? "Unprocessable Content" : "Service Unavailable";
            return PartProblem.response(status(refused.status(), reason), refused.getMessage(), instance, refused.part());
        }
        if (failure instanceof RefusedSourceException) {
            return ProblemDetail.response(status(422, "Unprocessable Content"), failure.getMessage(), instance);
        }
        if (failure instanceof StreamNotFoundException) {
            return ProblemDetail.response(Response.Status.NOT_FOUND, failure.getMessage(), instance);
        }
        if (failure instanceof StreamConflictException) {
            return ProblemDetail.response(Response.Status.CONFLICT, failure.getMessage(), instance);
        }
        if (failure instanceof InsufficientStorageException) {
            return ProblemDetail.response(status(507, "Insufficient Storage"), failure.getMessage(), instance);
        }
        if (failure instanceof InvalidUploadException invalid) {
            return ProblemDetail.response(status(invalid.status(), "Unprocessable Content"), failure.getMessage(), instance);
        }
        if (failure instanceof UnknownUserException || failure instanceof UnknownTokenException) {
            return ProblemDetail.response(Response.Status.NOT_FOUND, failure.getMessage(), instance);
        }
        if (failure instanceof UserConflictException) {
            return ProblemDetail.response(Response.Status.CONFLICT, failure.getMessage(), instance);
        }
        if (failure instanceof InvalidUserException || failure instanceof InvalidQueryException) {
            return ProblemDetail.response(Response.Status.BAD_REQUEST, failure.getMessage(), instance);
        }
        if (failure instanceof RejectedPasswordException) {
            return ProblemDetail.response(status(422, "Unprocessable Content"), failure.getMessage(), instance);
        }
        if (failure instanceof NotPermittedException) {
            return ProblemDetail.response(Response.Status.FORBIDDEN, failure.getMessage(), instance);
        }
        if (failure instanceof ConstraintViolationException violations) {
            String detail = violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; "));
            return ProblemDetail.response(Response.Status.BAD_REQUEST, detail, instance);
        }
        Optional<JsonException> badJson = causeOf(failure, JsonException.class);
        if (badJson.isPresent()) {
            return ProblemDetail.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON: "
                    + badJson.get().getMessage(), instance);
        }
        if (failure instanceof NotSupportedException) {
            String sent = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            return ProblemDetail.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, sent == null
                    ? "The request has no Content-Type; say what its body is."
                    : "This address does not take " + sent.replaceAll(";.*", "").strip() + " bodies.", instance);
        }
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return ProblemDetail.response(status, web.getMessage(), instance);
        }
        LOG.log(Level.SEVERE, "request to " + instance + " failed", failure);
        return ProblemDetail.response(Response.Status.INTERNAL_SERVER_ERROR,
                "The server could not complete the request; the server log has the details.", instance);
    }
}
