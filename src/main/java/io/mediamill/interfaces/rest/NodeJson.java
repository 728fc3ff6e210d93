package io.mediamill.interfaces.rest;

import io.mediamill.application.NodeDirectory;
import io.mediamill.domain.model.processing.NodeActivity;
import io.mediamill.domain.model.replication.PeerStatus;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A node sharing the database, as {@code GET /api/nodes} and the console show it. */
@JsonbPropertyOrder({"name", "self", "alive", "startedAt", "lastHeartbeat", "workers", "runningTasks", "running", "sync"})
public record NodeJson(String name, boolean self, boolean alive, Instant startedAt, Instant lastHeartbeat, int workers,
                       long runningTasks, List<Running> running, Sync sync) {

    /** A video the node is processing (a dead node: was processing, until a live one takes it over). */
    @JsonbPropertyOrder({"videoId", "title", "executionId", "startedAt", "progress"})
    public record Running(String videoId, String title, long executionId, Instant startedAt, int progress) {
    }

    /**
     * The answering node's view of this peer: where its volume is reached, the transfers it still owes it and
     * since when, the last error and the last transfer that worked. Null for the answering node and non-peers.
     */
    @JsonbPropertyOrder({"address", "backlog", "pendingSince", "lastError", "lastTransfer"})
    public record Sync(String address, long backlog, Instant pendingSince, String lastError, Instant lastTransfer) {

        static Sync of(PeerStatus peer) {
            return peer == null ? null : new Sync(peer.address(), peer.backlog(), peer.pendingSince(), peer.lastError(),
                    peer.lastTransfer());
        }
    }

    static NodeJson of(NodeDirectory.NodeView view) {
        NodeActivity node = view.activity();
        return new NodeJson(node.name(), view.self(), node.alive(), node.startedAt(), node.lastHeartbeat(),
                node.workers(), node.runningTasks(), view.running().stream()
                        .map(video -> new Running(video.videoId(), video.title(), video.executionId(),
                                video.startedAt(), video.progress()))
                        .toList(), Sync.of(view.sync()));
    }
}
