package io.mediamill.interfaces.rest;

import io.mediamill.application.slideshow.CompositionOptions;
import io.mediamill.application.slideshow.CompositionService;
import io.mediamill.application.slideshow.SentFile;
import io.mediamill.domain.model.slideshow.Fit;
import io.mediamill.domain.model.slideshow.Transitions;
import io.mediamill.domain.model.video.Video;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.interfaces.security.CurrentActor;
import io.mediamill.interfaces.security.SignedIn;
import io.mediamill.interfaces.web.MediaUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Slideshows composed from images and music: what the form offers, and making one. */
@Path("compositions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CompositionResource {

    private static final List<String> OPTION_FIELDS = List.of("title", "secondsPerImage", "transition",
            "transitionSeconds", "width", "height", "fit", "background", "kenBurns", "visibility");

    @Inject
    CompositionService compositions;

    @Inject
    MediaStorage storage;

    @Inject
    CurrentActor actor;

    @Inject
    MediaUrls mediaUrls;

    @Context
    HttpServletRequest request;

    /**
     * multipart/form-data: 2–50 parts {@code image} (JPEG, PNG or WebP) in order, an optional {@code audio}, and the
     * options as text parts (see the README). 201 with the new video, which is composed and then processed as an
     * upload is; 422 problem+json naming the part at fault.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response compose(CompositionUpload form) {
        Map<String, String> fields = new HashMap<>();
        for (String name : OPTION_FIELDS) {
            form.part(name).ifPresent(part -> fields.put(name, text(part)));
        }
        CompositionOptions options = CompositionOptions.parse(fields);
        List<SentFile> images = new ArrayList<>();
        for (EntityPart image : form.all(UploadForm.IMAGE)) {
            images.add(sent(image));
        }
        SentFile audio = form.part(UploadForm.AUDIO).map(this::sent).orElse(null);
        Video video = compositions.compose(actor.get().username(), options, images, audio);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/videos/" + video.id())
                .entity(VideoJson.of(video, SignedIn.bySession(request) ? MediaUrls.plain() : mediaUrls.signedFor(video.id())))
                .build();
    }

    /** What the form may choose from, so a page offers exactly what the service takes. */
    @GET
    @Path("options")
    public JsonObject options() {
        return Json.createObjectBuilder()
                .add("transitions", Json.createArrayBuilder(concat(Transitions.NAMES, Transitions.RANDOM)))
                .add("fits", Json.createArrayBuilder(Fit.wireNames()))
                .add("sizes", Json.createArrayBuilder(CompositionOptions.SIZES))
                .add("minImages", CompositionOptions.MIN_IMAGES)
                .add("maxImages", CompositionOptions.MAX_IMAGES)
                .add("imageTypes", Json.createArrayBuilder(List.of("image/jpeg", "image/png", "image/webp")))
                .add("audioTypes", Json.createArrayBuilder(List.of("audio/mpeg", "audio/aac", "audio/mp4", "audio/wav",
                        "audio/ogg", "audio/flac")))
                .build();
    }

    private SentFile sent(EntityPart part) {
        try (InputStream content = part.getContent()) {
            return new SentFile(part.getFileName().orElse(null), storage.receive(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> names, String last) {
        List<String> all = new ArrayList<>(names);
        all.add(last);
        return all;
    }

    private static String text(EntityPart part) {
        try (InputStream content = part.getContent()) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
