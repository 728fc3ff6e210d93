package io.mediamill.application.users;

/** A new password the policy refuses; the message says why in words for the person choosing it. */
public class RejectedPasswordException extends RuntimeException {

    public RejectedPasswordException(String message) {
        super(message);
    }
}
