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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/health: 200 when every check is up, 503 when one is down. Operators see every check with its details;
 * anyone else (load balancers, monitors) up, or down with the checks that failed and a few words why (the
 * details name paths, hosts and versions). During a database outage nobody can sign in, so those few words are
 * what an operator sees there: the database, and why it cannot be reached.
 */
@Path("health")
@RequestScoped
public class HealthResource {

    /** The report: overall status and each check. */
    public record HealthJson(String status, Map<String, CheckJson> checks) {
    }

    /** One check as operators see it. */
    public record CheckJson(boolean up, String detail) {
    }

    /** What anyone may know while everything is up. */
    public record StatusJson(String status) {
    }

    /** What anyone may know while something is down: which checks, and why in a few words. */
    public record DownJson(String status, Map<String, String> down) {
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
        Object entity;
        if (actor.isOperator()) {
            Map<String, CheckJson> report = new LinkedHashMap<>();
            checks.forEach((name, check) -> report.put(name, new CheckJson(check.up(), check.detail())));
            entity = new HealthJson(up ? "UP" : "DOWN", report);
        } else if (up) {
            entity = new StatusJson("UP");
        } else {
            Map<String, String> down = new LinkedHashMap<>();
            checks.forEach((name, check) -> {
                if (!check.up()) {
                    down.put(name, check.summary());
                }
            });
            entity = new DownJson("DOWN", down);
        }
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .cacheControl(noStore)
                .entity(entity)
                .build();
    }
}
