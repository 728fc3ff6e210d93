package io.mediamill.interfaces.rest;

import io.mediamill.application.QueueOverview;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The processing queue as {@code GET /api/jobs/queue} shows it: seen from node {@code node}, what waits and runs,
 * how many videos wait for an operator, and every node's heartbeat and what it runs.
 */
@JsonbPropertyOrder({"node", "queue", "failedVideos", "nodes"})
public record QueueJson(String node, Depth queue, long failedVideos, List<NodeJson> nodes) {

    /** Tasks due now, waiting for their next attempt after a failure, and being worked on. */
    @JsonbPropertyOrder({"due", "waitingForRetry", "running"})
    public record Depth(long due, long waitingForRetry, long running) {
    }

    public static QueueJson of(QueueOverview overview) {
        return new QueueJson(overview.node(), new Depth(overview.queue().due(), overview.queue().waitingForRetry(),
                overview.queue().running()), overview.failedVideos(), overview.nodes().stream().map(NodeJson::of).toList());
    }
}
