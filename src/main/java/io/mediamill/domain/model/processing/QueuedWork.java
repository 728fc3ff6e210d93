package io.mediamill.domain.model.processing;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What a node does with a video it took from the {@link ProcessingQueue}. The queue decides when and where;
 * this decides how, and hears how its attempts ended.
 */
public interface QueuedWork {

    /**
     * Runs attempt {@code attempt} at processing the video and returns once the video needs nothing more from
     * this task: playable, deleted, or ended by an operator.
     *
     * @param nodeStopping true once this node is shutting down: the attempt is then left for a restart or takeover
     * @throws AttemptFailure when the attempt failed
     * @throws NodeStoppingException when the node went down under it
     */
    void process(String videoId, int attempt, BooleanSupplier nodeStopping);

    /** The attempt failed and the queue will try again at {@code next}. */
    void retryScheduled(String videoId, int attempt, Instant next, AttemptFailure failure);

    /** The attempt failed and no further one will come: the video waits for an operator. */
    void gaveUp(String videoId, int attempt, AttemptFailure failure);
}
