package io.mediamill.interfaces.rest;

import io.mediamill.application.InvalidUploadException;
import io.mediamill.application.JobControl;
import io.mediamill.application.UploadService;
import io.mediamill.application.VideoService;
import io.mediamill.application.WatermarkUpload;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.Visibility;
import io.mediamill.domain.model.video.Watermark;
import io.mediamill.interfaces.security.CurrentActor;
import io.mediamill.interfaces.security.SignedIn;
import io.mediamill.interfaces.web.MediaUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Upload, look up, list, follow, restart and delete videos, download their originals; operators move one up the queue. */
@Path("videos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    @Inject
    UploadService uploads;

    @Inject
    VideoService videos;

    @Inject
    VideoEventStream events;

    @Inject
    JobControl jobControl;

    @Inject
    CurrentActor actor;

    @Inject
    MediaUrls mediaUrls;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    /**
     * multipart/form-data with the video in part {@code file}, an optional {@code title}, and optionally a PNG
     * {@code watermark} placed by {@code watermarkCorner} ({@code top-left}, {@code top-right},
     * {@code bottom-left}, {@code bottom-right}: the default), {@code watermarkMargin} (pixels, default 16) and
     * {@code watermarkOpacity} (0–1, default 0.8); {@code visibility} {@code private} (the default) or
     * {@code unlisted}.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(MultipartUpload form) throws IOException {
        EntityPart file = form.part("file")
                .orElseThrow(() -> new InvalidUploadException("The request has no part named \"file\" carrying the video."));
        String title = form.part("title").map(VideoResource::text).orElse(null);
        Visibility visibility = visibility(form.part("visibility").map(VideoResource::text).orElse(null));
        UploadService.Accepted accepted;
        try (InputStream content = file.getContent()) {
            accepted = uploads.upload(actor.get().username(), title, file.getFileName().orElse(null), content,
                    watermark(form), visibility);
        }
        // The same content again is the video it already is: 200 and where it lives, not a second copy.
        return Response.status(accepted.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/videos/" + accepted.video().id())
                .entity(json(accepted.video()))
                .build();
    }

    @POST
    @Path("{id}/restart")
    public Response restart(@PathParam("id") String id) {
        return Response.accepted(json(videos.restart(actor.get(), id))).build();
    }

    /** Operators: moves a video waiting in the queue to its front (202); 409 when it is not waiting. */
    @POST
    @Path("{id}/run-next")
    @OperatorsOnly
    public Response runNext(@PathParam("id") String id) {
        jobControl.runNext(id);
        return Response.accepted(json(videos.get(actor.get(), id))).build();
    }

    /** Every attempt at processing the video, first first: node, job execution, outcome and, if it failed, why. */
    @GET
    @Path("{id}/attempts")
    public java.util.List<AttemptJson> attempts(@PathParam("id") String id) {
        return videos.attempts(actor.get(), id).stream().map(AttemptJson::of).toList();
    }

    /** Server-sent events: a {@code progress} event whenever status or progress change, until it is READY or FAILED. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        videos.get(actor.get(), id);
        events.follow(actor.get(), id, sink, sse);
    }

    /**
     * The original upload, byte for byte, as a download (never from /media): an attachment under the
     * client's file name, whatever the bytes are.
     */
    @GET
    @Path("{id}/original")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response original(@PathParam("id") String id, @HeaderParam("Range") String range,
                             @HeaderParam("If-Range") String ifRange) {
        VideoService.Original original = videos.original(actor.get(), id);
        return Attachment.of(original.path(), original.fileName(), range, ifRange, uriInfo.getRequestUri().getPath());
    }

    private static Visibility visibility(String value) {
        try {
            return Visibility.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidUploadException(e.getMessage());
        }
    }

    private static WatermarkUpload watermark(MultipartUpload form) {
        Optional<EntityPart> image = form.part("watermark");
        if (image.isEmpty()) {
            return null;
        }
        String cornerName = form.part("watermarkCorner").map(VideoResource::text).orElse("bottom-right");
        Watermark.Corner corner;
        try {
            corner = Watermark.Corner.valueOf(cornerName.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidUploadException("watermarkCorner must be top-left, top-right, bottom-left or bottom-right, not \""
                    + cornerName + "\".");
        }
        try {
            int margin = form.part("watermarkMargin").map(VideoResource::text).map(String::strip).map(Integer::parseInt)
                    .orElse(16);
            double opacity = form.part("watermarkOpacity").map(VideoResource::text).map(String::strip)
                    .map(Double::parseDouble).orElse(0.8);
            if (margin < 0 || margin > 1000 || !(opacity > 0 && opacity <= 1)) {
                throw new NumberFormatException();
            }
            return new WatermarkUpload(image.get().getContent(), corner, margin, opacity);
        } catch (NumberFormatException e) {
            throw new InvalidUploadException("watermarkMargin must be 0 to 1000 pixels and watermarkOpacity above 0 and at most 1.");
        }
    }

    private static String text(EntityPart part) {
        try (InputStream content = part.getContent()) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{id}")
    public VideoJson get(@PathParam("id") String id) {
        return json(videos.get(actor.get(), id));
    }

    /** Changes what the owner may change: {@code {"title": "...", "visibility": "private"|"unlisted"}}; unknown fields are refused. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public VideoJson update(@PathParam("id") String id, JsonObject body) {
        JsonFields fields = JsonFields.of(body, Set.of("title", "visibility"));
        String visibility = fields.text("visibility");
        return json(videos.update(actor.get(), id, fields.text("title"), visibility == null ? null : visibility(visibility)));
    }

    @GET
    public VideoPageJson list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return new VideoPageJson(videos.newestFirst(actor.get(), page, size).stream().map(this::json).toList(),
                page, size, videos.count(actor.get()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        videos.delete(actor.get(), id);
        return Response.noContent().build();
    }

    /**
     * The video with its media URLs: plain for the pages (the session cookie lets their owner in, and signing out
     * locks them), signed and expiring for every other client, whose players send no credentials.
     */
    private VideoJson json(Video video) {
        return VideoJson.of(video, SignedIn.bySession(request) ? MediaUrls.plain() : mediaUrls.signedFor(video.id()));
    }
}
