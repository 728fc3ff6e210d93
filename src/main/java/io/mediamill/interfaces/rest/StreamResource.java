package io.mediamill.interfaces.rest;

import io.mediamill.application.MediaAccess;
import io.mediamill.application.live.LiveRelays;
import io.mediamill.application.live.LiveViewers;
import io.mediamill.domain.model.live.CameraId;
import io.mediamill.domain.model.live.LiveStream;
import io.mediamill.domain.model.live.RefusedSourceException;
import io.mediamill.domain.model.live.StreamSource;
import io.mediamill.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/streams}: live camera relays. Operators start ({@code PUT}, idempotent) and stop them; every
 * signed-in user sees them.
 */
@Path("streams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StreamResource {

    private static final int LONGEST_TITLE = 200;

    @Inject
    LiveRelays relays;

    @Inject
    LiveViewers viewers;

    @Inject
    CurrentActor actor;

    @Inject
    MediaAccess access;

    @Inject
    Clock clock;

    @Context
    UriInfo uriInfo;

    @GET
    public List<StreamJson> list() {
        Instant now = clock.instant();
        return relays.all().stream().map(stream -> json(stream, now)).toList();
    }

    @GET
    @Path("{cameraId}")
    public StreamJson get(@PathParam("cameraId") String cameraId) {
        return json(relays.find(new CameraId(cameraId)), clock.instant());
    }

    /** 201 with the relay when this start began it, 200 when the same relay was running already. */
    @PUT
    @Path("{cameraId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @OperatorsOnly
    public Response start(@PathParam("cameraId") String cameraId, JsonObject body) {
        JsonFields fields = JsonFields.of(body, Set.of("source", "rtmpTarget", "title"));
        CameraId camera = new CameraId(cameraId);
        StreamSource source = StreamSource.source(fields.text("source"));
        String target = fields.text("rtmpTarget");
        String title = fields.text("title");
        if (title != null && title.length() > LONGEST_TITLE) {
            throw new RefusedSourceException("title", "title is at most " + LONGEST_TITLE + " characters");
        }
        LiveRelays.Started started = relays.start(camera, source, target == null ? null : StreamSource.rtmpTarget(target),
                title, actor.get());
        StreamJson json = json(started.stream(), clock.instant());
        return started.began()
                ? Response.created(uriInfo.getAbsolutePath()).entity(json).build()
                : Response.ok(json).build();
    }

    @DELETE
    @Path("{cameraId}")
    @OperatorsOnly
    public StreamJson stop(@PathParam("cameraId") String cameraId) {
        return json(relays.stop(new CameraId(cameraId), actor.get()), clock.instant());
    }

    /** Stops every relay; answers them all, as they stand afterwards. */
    @DELETE
    @OperatorsOnly
    public List<StreamJson> stopAll() {
        relays.stopAll(actor.get());
        return list();
    }

    private StreamJson json(LiveStream stream, Instant now) {
        String camera = stream.cameraId().value();
        String playlist = "/live/s/" + access.liveToken(camera) + "/" + camera + "/index.m3u8";
        return StreamJson.of(stream, playlist, viewers.count(camera, now), now);
    }
}
