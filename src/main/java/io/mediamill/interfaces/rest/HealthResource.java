package io.mediamill.interfaces.rest;

import io.mediamill.application.HealthChecks;
import io.mediamill.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * GET /api/health: 200 when every check is up, 503 when one is down. Operators see which check failed and why;
 * anyone else (load balancers, monitors) only up or down, since the details name paths and versions.
 */
@Path("health")
@RequestScoped
public class HealthResource {

    /** The report: overall status and each check. */
    public record HealthJson(String status, Map<String, HealthChecks.Check> checks) {
    }

    /** What anyone may know. */
    public record StatusJson(String status) {
    }

    @Inject
    HealthChecks health;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, HealthChecks.Check> checks = health.run();
        boolean up = checks.values().stream().allMatch(HealthChecks.Check::up);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .cacheControl(noStore)
                .entity(actor.isOperator() ? new HealthJson(up ? "UP" : "DOWN", checks) : new StatusJson(up ? "UP" : "DOWN"))
                .build();
    }
}
