package io.mediamill.interfaces.rest;

import io.mediamill.application.HealthChecks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** GET /api/health: 200 when every check is up, 503 when one is down; the body says which and why. */
@Path("health")
@RequestScoped
public class HealthResource {

    /** The report: overall status and each check. */
    public record HealthJson(String status, Map<String, HealthChecks.Check> checks) {
    }

    @Inject
    HealthChecks health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, HealthChecks.Check> checks = health.run();
        boolean up = checks.values().stream().allMatch(HealthChecks.Check::up);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .cacheControl(noStore)
                .entity(new HealthJson(up ? "UP" : "DOWN", checks))
                .build();
    }
}
