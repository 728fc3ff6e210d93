package io.mediamill.interfaces.rest;

import io.mediamill.application.NodeDirectory;
import io.mediamill.domain.model.processing.NodeActivity;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A node sharing the database, as {@code GET /api/nodes} and the console show it. */
@JsonbPropertyOrder({"name", "self", "alive", "startedAt", "lastHeartbeat", "workers", "runningTasks", "running"})
public record NodeJson(String name, boolean self, boolean alive, Instant startedAt, Instant lastHeartbeat, int workers,
                       long runningTasks, List<Running> running) {

    /** A video the node is processing (a dead node: was processing, until a live one takes it over). */
    @JsonbPropertyOrder({"videoId", "title", "executionId", "startedAt", "progress"})
    public record Running(String videoId, String title, long executionId, Instant startedAt, int progress) {
    }

    static NodeJson of(NodeDirectory.NodeView view) {
        NodeActivity node = view.activity();
        return new NodeJson(node.name(), view.self(), node.alive(), node.startedAt(), node.lastHeartbeat(),
                node.workers(), node.runningTasks(), view.running().stream()
                        .map(video -> new Running(video.videoId(), video.title(), video.executionId(),
                                video.startedAt(), video.progress()))
                        .toList());
    }
}
