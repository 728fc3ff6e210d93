package io.mediamill.application.live;

/** A start names a camera that is already relayed from another source or to another target. */
public class StreamConflictException extends RuntimeException {

    public StreamConflictException(String message) {
        super(message);
    }
}
