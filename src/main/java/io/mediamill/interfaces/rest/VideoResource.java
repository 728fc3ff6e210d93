package io.mediamill.interfaces.rest;

import io.mediamill.application.InvalidUploadException;
import io.mediamill.application.UploadService;
import io.mediamill.application.VideoService;
import io.mediamill.domain.model.video.Video;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Upload, look up, list and delete videos. */
@Path("videos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    @Inject
    UploadService uploads;

    @Inject
    VideoService videos;

    /** multipart/form-data with the video in part {@code file} and an optional {@code title}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(List<EntityPart> parts) throws IOException {
        EntityPart file = part(parts, "file")
                .orElseThrow(() -> new InvalidUploadException("The request has no part named \"file\" carrying the video."));
        String title = part(parts, "title").map(VideoResource::text).orElse(null);
        Video video;
        try (InputStream content = file.getContent()) {
            video = uploads.upload(title, file.getFileName().orElse(null), content);
        }
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/videos/" + video.id())
                .entity(VideoJson.of(video))
                .build();
    }

    private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts.stream().filter(p -> p.getName().equals(name)).findFirst();
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
        return VideoJson.of(videos.get(id));
    }

    @GET
    public VideoPageJson list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return new VideoPageJson(videos.newestFirst(page, size).stream().map(VideoJson::of).toList(),
                page, size, videos.count());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        videos.delete(id);
        return Response.noContent().build();
    }
}
