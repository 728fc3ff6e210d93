package io.mediamill.application.live;

import java.time.Duration;

/** Every relay slot is taken: the start may be sent again after {@code retryAfter}, once a relay has stopped. */
public class TooManyRelaysException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRelaysException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
