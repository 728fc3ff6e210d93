package io.mediamill.interfaces.rest;

import io.mediamill.application.ProbeSlots;
import io.mediamill.application.ResumableUploadException;
import io.mediamill.application.ResumableUploads;
import io.mediamill.application.ServiceBusyException;
import io.mediamill.application.UploadChecksum;
import io.mediamill.domain.model.upload.ResumableUpload;
import io.mediamill.domain.model.upload.UploadMetadata;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.interfaces.security.CurrentActor;
import io.mediamill.interfaces.security.ProxyTrust;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The tus 1.0.0 resumable upload protocol at {@code /api/uploads}: core (HEAD, PATCH), OPTIONS discovery and
 * the creation, creation-with-upload, termination, checksum and expiration extensions. A completed upload
 * becomes a video; the completing PATCH and every later HEAD carry its {@code Video-Location}.
 */
@Path("uploads")
@RequestScoped
public class TusResource {

    static final String VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    static final String EXTENSIONS = "creation,creation-with-upload,termination,checksum,expiration";

    @Inject
    ResumableUploads uploads;

    @Inject
    MediamillConfig config;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @Inject
    CurrentActor actor;

    @Inject
    ProxyTrust proxies;

    @OPTIONS
    public Response discover() {
        return Response.noContent()
                .header("Tus-Version", VERSION)
                .header("Tus-Extension", EXTENSIONS)
                .header("Tus-Max-Size", config.maxUploadBytes())
                .header("Tus-Checksum-Algorithm", String.join(",", UploadChecksum.ALGORITHMS.keySet().stream().sorted().toList()))
                .build();
    }

    @OPTIONS
    @Path("{id}")
    public Response discoverUpload() {
        return discover();
    }

    /** Creation; with an {@code application/offset+octet-stream} body, creation-with-upload. */
    @POST
    public Response create(@HeaderParam("Upload-Length") String length, @HeaderParam("Upload-Defer-Length") String deferLength,
                           @HeaderParam("Upload-Metadata") String metadata, @HeaderParam("Upload-Checksum") String checksum,
                           InputStream body) {
        if (length == null) {
            throw new ResumableUploadException(400, "Bad Request", deferLength != null
                    ? "Upload-Defer-Length is not supported: send Upload-Length."
                    : "Upload-Length is required.");
        }
        UploadMetadata parsed;
        try {
            parsed = UploadMetadata.parse(metadata);
        } catch (IllegalArgumentException e) {
            throw new ResumableUploadException(400, "Bad Request", e.getMessage());
        }
        ResumableUpload upload = uploads.create(actor.get().username(), number("Upload-Length", length), parsed);
        Response.ResponseBuilder created = Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, location(upload.id()))
                .header("Upload-Expires", httpDate(upload));
        if (isOffsetOctetStream()) {
            ResumableUploads.Progress progress = appendToNew(upload, body, checksum);
            created.header("Upload-Offset", progress.offset());
            videoLocation(created, progress.videoId());
        }
        return created.build();
    }

    /**
     * The body of a creation-with-upload. When it was the whole file but could not be checked for want of a
     * probe slot, the client (which never learnt the upload's Location) will send it all again: nothing is kept.
     */
    private ResumableUploads.Progress appendToNew(ResumableUpload upload, InputStream body, String checksum) {
        try {
            return uploads.append(actor.get(), upload.id(), 0, body, UploadChecksum.parse(checksum));
        } catch (ServiceBusyException busy) {
            uploads.terminate(actor.get(), upload.id());
            throw ProbeSlots.uploadNotKept(busy.retryAfter());
        }
    }

    @HEAD
    @Path("{id}")
    public Response head(@PathParam("id") String id) {
        ResumableUpload upload = uploads.status(actor.get(), id).orElseThrow(() -> ResumableUploadException.notFound(id));
        Response.ResponseBuilder answer = Response.ok()
                .header("Upload-Offset", upload.offset())
                .header("Upload-Length", upload.length())
                .header("Upload-Expires", httpDate(upload))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (upload.metadata() != null) {
            answer.header("Upload-Metadata", upload.metadata());
        }
        videoLocation(answer, upload.videoId());
        return answer.build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(OFFSET_OCTET_STREAM)
    public Response patch(@PathParam("id") String id, @HeaderParam("Upload-Offset") String offset,
                          @HeaderParam("Upload-Checksum") String checksum, InputStream body) {
        if (offset == null) {
            throw new ResumableUploadException(400, "Bad Request", "Upload-Offset is required.");
        }
        ResumableUploads.Progress progress = uploads.append(actor.get(), id, number("Upload-Offset", offset), body,
                UploadChecksum.parse(checksum));
        Response.ResponseBuilder answer = Response.noContent()
                .header("Upload-Offset", progress.offset())
                .header("Upload-Expires", httpDate(progress.upload()));
        videoLocation(answer, progress.videoId());
        return answer.build();
    }

    @DELETE
    @Path("{id}")
    public Response terminate(@PathParam("id") String id) {
        uploads.terminate(actor.get(), id);
        return Response.noContent().build();
    }

    private boolean isOffsetOctetStream() {
        return headers.getMediaType() != null
                && OFFSET_OCTET_STREAM.equalsIgnoreCase(headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype());
    }

    private static void videoLocation(Response.ResponseBuilder answer, String videoId) {
        if (videoId != null) {
            answer.header("Video-Location", "/api/videos/" + videoId);
        }
    }

    /** Absolute, and right behind a trusted proxy: its X-Forwarded-Proto and X-Forwarded-Host win over what we see. */
    private String location(String id) {
        String proto = proxies.scheme(request);
        String host = proxies.host(request, uriInfo.getBaseUri().getAuthority());
        return proto + "://" + host + uriInfo.getBaseUri().getPath().replaceAll("/$", "") + "/uploads/" + id;
    }

    private static long number(String header, String value) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ResumableUploadException(400, "Bad Request", header + " must be a non-negative integer.");
        }
    }

    private static String httpDate(ResumableUpload upload) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).format(upload.expiresAt().atOffset(ZoneOffset.UTC));
    }
}
