package io.mediamill.domain.model.processing;

/** The processing queue at a glance: tasks due now, waiting for a retry, and running. */
public record QueueCounts(long due, long waitingForRetry, long running) {
}
