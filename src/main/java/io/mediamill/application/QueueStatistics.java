package io.mediamill.application;

/**
 * How many tasks the processing queue holds, for the metrics ({@link JobControl} answers). Without an answer
 * the queue gauge is simply absent from /metrics.
 */
public interface QueueStatistics {

    /** The queue as it is now, across all nodes; asked once per scrape, so it should cost one cheap query. */
    QueueCounts counts();

    /**
     * Tasks by state: due (waiting for a worker), waiting for a retry after a failed attempt, running (picked by
     * a node); and videos failed (out of attempts, waiting for an operator).
     */
    record QueueCounts(long due, long waitingForRetry, long running, long failed) {
    }
}
