package io.mediamill.interfaces.rest;

import io.mediamill.application.JobControl;
import io.mediamill.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;

/**
 * The batch console's API, for operators: {@code /api/jobs}. Lists and shows job executions, restarts, stops
 * and abandons them, shows the queue and its nodes, and streams all of it to the console page.
 */
@Path("jobs")
@RequestScoped
@OperatorsOnly
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    JobControl jobs;

    @Inject
    JobEventStream events;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    /** {@code ?status=FAILED&page=0&size=20}: newest first; status one of STARTED, COMPLETED, FAILED, STOPPED, ABANDONED. */
    @GET
    public JobPageJson list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("" + JobQuery.DEFAULT_SIZE) int size) {
        JobQuery query = JobQuery.of(status, page, size);
        return JobPageJson.of(jobs.jobs(query.status(), query.page(), query.size()), jobs.countJobs(query.status()),
                query, clock.instant());
    }

    @GET
    @Path("{executionId: [0-9]+}")
    public JobJson get(@PathParam("executionId") long executionId) {
        return JobJson.of(jobs.job(executionId), clock.instant());
    }

    /** Restarts a failed or stopped latest execution from its checkpoints: 202 and where the new execution is. */
    @POST
    @Path("{executionId: [0-9]+}/restart")
    public Response restart(@PathParam("executionId") long executionId) {
        long next = jobs.restart(executionId);
        return Response.accepted(new RestartedJobJson(next, executionId, jobs.job(executionId).videoId()))
                .header(HttpHeaders.LOCATION, "/api/jobs/" + next).build();
    }

    /** Asks a running execution to stop (202: it stops at its next chance); its video then waits, FAILED. */
    @POST
    @Path("{executionId: [0-9]+}/stop")
    public Response stop(@PathParam("executionId") long executionId) {
        jobs.stop(executionId, actor.get().username());
        return Response.accepted(JobJson.of(jobs.job(executionId), clock.instant())).build();
    }

    /** Gives up a failed or stopped execution for good; a later restart of its video starts afresh. */
    @POST
    @Path("{executionId: [0-9]+}/abandon")
    public JobJson abandon(@PathParam("executionId") long executionId) {
        jobs.abandon(executionId);
        return JobJson.of(jobs.job(executionId), clock.instant());
    }

    @GET
    @Path("queue")
    public QueueJson queue() {
        return QueueJson.of(jobs.overview());
    }

    /**
     * Server-sent events: a {@code console} event with the page of jobs asked for (as {@link #list}) and the queue,
     * at once and then whenever either changes (checked every second), until the client goes.
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
                       @QueryParam("size") @DefaultValue("" + JobQuery.DEFAULT_SIZE) int size,
                       @Context SseEventSink sink, @Context Sse sse) {
        events.follow(JobQuery.of(status, page, size), sink, sse);
    }
}
