package io.mediamill.application;

import io.mediamill.domain.model.processing.QueueCounts;
import java.util.List;

/** The queue, the videos waiting for an operator, and the nodes working on it, seen from node {@code node}. */
public record QueueOverview(String node, QueueCounts queue, long failedVideos, List<NodeDirectory.NodeView> nodes) {
}
