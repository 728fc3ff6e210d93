package io.mediamill.application.users;

/** The caller is signed in but lacks the role the action needs. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
