package io.mediamill.domain.model.processing;

import java.util.List;

/**
 * The queue of videos to process, shared by every node through the database: one task per video, oldest
 * first unless an operator moved one to the front; claimed by one node at a time, retried after a failure,
 * taken over when its node dies.
 */
public interface ProcessingQueue {

    /**
     * Queues the video, inside the caller's transaction when there is one (so a video row is never committed
     * without its task); a video already queued stays as it is. Returns whether a task was added.
     */
    boolean submit(String videoId);

    /** Moves a waiting video to the front of the queue; false when it is not waiting (running, or not queued). */
    boolean runNext(String videoId);

    /** Drops the video's task unless a node is working on it (deleting a video stops that work first). */
    void withdraw(String videoId);

    QueueCounts counts();

    /** Every node seen recently, with its heartbeat and the tasks it holds. */
    List<NodeActivity> nodes();

    /** Whether the named node has sent a heartbeat recently enough to count as alive. */
    boolean isAlive(String node);

    /** This node's name. */
    String node();
}
