package io.mediamill.domain.model.live;

/** Where a camera's relay stands. */
public enum RelayState {
    /** Wanted, and being claimed by a node or connecting to its source for the first time. */
    STARTING,
    /** Its ffmpeg is writing output. */
    RUNNING,
    /** Its last run ended (the source dropped, a hang was killed); it is waiting to try again. */
    RETRYING,
    /** Stopped by an operator. */
    STOPPED,
    /** Given up after too many failures in a row; the last error says why. */
    FAILED;

    /** Whether a relay in this state holds one of the relay slots. */
    public boolean active() {
        return this == STARTING || this == RUNNING || this == RETRYING;
    }
}
