package io.mediamill.application;

import java.time.Duration;

/** The service cannot take this request now, for want of capacity rather than anything wrong with it; it may be sent again after {@code retryAfter}. */
public class ServiceBusyException extends RuntimeException {

    private final Duration retryAfter;

    public ServiceBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
