package io.mediamill.application;

import io.mediamill.domain.model.processing.Attempt;
import io.mediamill.domain.model.processing.AttemptRepository;
import io.mediamill.domain.model.processing.AttemptStatus;
import io.mediamill.domain.model.processing.NodeActivity;
import io.mediamill.domain.model.processing.ProcessingQueue;
import io.mediamill.domain.model.replication.PeerStatus;
import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The nodes sharing the database, as operators see them: alive or not, what each is processing, how sync goes. */
@ApplicationScoped
public class NodeDirectory {

    /** More attempts than this running at once would mean hundreds of nodes; the list stays bounded. */
    private static final int MOST_RUNNING = 500;

    @Inject
    ProcessingQueue queue;

    @Inject
    AttemptRepository attempts;

    @Inject
    VideoRepository videos;

    @Inject
    VolumeReplication replication;

    /** A video a node is processing: its attempt's job execution and how far it got. */
    public record RunningVideo(String videoId, String title, long executionId, Instant startedAt, int progress) {
    }

    /**
     * A node, whether it is the one answering, what it runs (for a dead node: what it was running) and, when it
     * is a peer of the answering node, how keeping its volume in sync goes.
     */
    public record NodeView(NodeActivity activity, boolean self, List<RunningVideo> running, PeerStatus sync) {
    }

    public String self() {
        return queue.node();
    }

    public List<NodeView> nodes() {
        Map<String, List<RunningVideo>> runningByNode = new LinkedHashMap<>();
        for (Attempt attempt : attempts.newestFirst(AttemptStatus.STARTED, 0, MOST_RUNNING)) {
            videos.find(attempt.videoId()).ifPresent(video -> runningByNode
                    .computeIfAbsent(attempt.node(), node -> new ArrayList<>())
                    .add(running(attempt, video)));
        }
        Map<String, PeerStatus> peers = new LinkedHashMap<>();
        replication.peers().forEach(peer -> peers.put(peer.name(), peer));
        return queue.nodes().stream().map(node -> new NodeView(node, node.name().equals(queue.node()),
                List.copyOf(runningByNode.getOrDefault(node.name(), List.of())), peers.get(node.name()))).toList();
    }

    private static RunningVideo running(Attempt attempt, Video video) {
        return new RunningVideo(video.id(), video.title(), attempt.executionId(), attempt.startedAt(), video.progress());
    }
}
