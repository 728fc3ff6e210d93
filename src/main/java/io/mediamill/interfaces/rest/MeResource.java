package io.mediamill.interfaces.rest;

import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.user.Role;
import io.mediamill.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/me}: who the credentials sent belong to, and their roles. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The caller. */
    public record MeJson(String username, List<String> roles) {
    }

    @Inject
    CurrentActor actor;

    @GET
    public MeJson me() {
        Actor me = actor.get();
        return new MeJson(me.username(), me.roles().stream().sorted().map(Role::roleName).toList());
    }
}
