package io.mediamill.interfaces.rest;

import io.mediamill.application.users.UserChange;
import io.mediamill.application.users.UserService;
import io.mediamill.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** User management for operators: {@code /api/users}. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentActor actor;

    @GET
    public List<UserJson> list() {
        return users.list(actor.get()).stream().map(UserJson::of).toList();
    }

    @GET
    @Path("{username}")
    public UserJson get(@PathParam("username") String username) {
        return UserJson.of(users.get(actor.get(), username));
    }

    /** {@code {"username", "password", "roles": ["uploader"]}}; roles default to uploader. */
    @POST
    public Response create(JsonObject body) {
        JsonFields fields = JsonFields.of(body, Set.of("username", "password", "roles"));
        Set<String> roles = fields.texts("roles");
        UserJson created = UserJson.of(users.create(actor.get(), fields.text("username"), fields.text("password"),
                roles == null ? Set.of("uploader") : roles));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/users/" + created.username())
                .entity(created).build();
    }

    /** Any of {@code roles}, {@code password}, {@code disabled}. */
    @PATCH
    @Path("{username}")
    public UserJson update(@PathParam("username") String username, JsonObject body) {
        JsonFields fields = JsonFields.of(body, Set.of("roles", "password", "disabled"));
        return UserJson.of(users.update(actor.get(), username,
                new UserChange(fields.texts("roles"), fields.text("password"), fields.bool("disabled"))));
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username) {
        users.delete(actor.get(), username);
        return Response.noContent().build();
    }
}
