package io.mediamill.domain.model.processing;

/** Where one attempt (one job execution) stands; the batch statuses that matter to people. */
public enum AttemptStatus {
    STARTED,
    COMPLETED,
    FAILED,
    STOPPED,
    ABANDONED;

    public boolean hasEnded() {
        return this != STARTED;
    }
}
