package io.mediamill.interfaces.rest;

import io.mediamill.application.users.IssuedToken;
import io.mediamill.application.users.TokenService;
import io.mediamill.domain.model.user.ApiToken;
import io.mediamill.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Personal API tokens: {@code POST /api/tokens} shows a new token once; list and revoke your own. */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** A token as listed: never the token itself. */
    @JsonbPropertyOrder({"id", "name", "createdAt"})
    public record TokenJson(String id, String name, Instant createdAt) {
    }

    @Inject
    TokenService tokens;

    @Inject
    CurrentActor actor;

    /** Optional body {@code {"name": "..."}}; answers {@code {"id", "token", "name", "createdAt"}}. */
    @POST
    public Response issue(JsonObject body) {
        String name = body == null ? null : JsonFields.of(body, Set.of("name")).text("name");
        IssuedToken issued = tokens.issue(actor.get(), name);
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/tokens/" + issued.id()).entity(issued)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    public List<TokenJson> list() {
        return tokens.list(actor.get()).stream().map(TokenResource::json).toList();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(actor.get(), id);
        return Response.noContent().build();
    }

    private static TokenJson json(ApiToken token) {
        return new TokenJson(token.id(), token.name(), token.createdAt());
    }
}
