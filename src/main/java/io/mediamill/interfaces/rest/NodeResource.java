package io.mediamill.interfaces.rest;

import io.mediamill.application.NodeDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/nodes}, for operators: every node sharing the database, its state and what it is processing. */
@Path("nodes")
@RequestScoped
@OperatorsOnly
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    @Inject
    NodeDirectory nodes;

    @GET
    public List<NodeJson> list() {
        return nodes.nodes().stream().map(NodeJson::of).toList();
    }
}
