package io.mediamill.application;

/**
 * How many tasks the processing queue holds, for the metrics. The queue implements it as an application-scoped
 * bean; until one is deployed the queue gauge is simply absent from /metrics.
 */
public interface QueueStatistics {

    /** The queue as it is now, across all nodes; asked once per scrape, so it should cost one cheap query. */
    QueueCounts counts();

    /**
     * Tasks by state: due (waiting for a worker, their time has come), running (picked by a node), failed (out
     * of attempts, waiting for an operator).
     */
    record QueueCounts(long due, long running, long failed) {
    }
}
