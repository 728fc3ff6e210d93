package io.mediamill.application.users;

/** Too many failed sign-ins for that user or from that address: try again after {@code retryAfterSeconds}. */
public class SignInThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    public SignInThrottledException(long retryAfterSeconds) {
        super("Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
