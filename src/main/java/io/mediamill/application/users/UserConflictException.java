package io.mediamill.application.users;

/** The change cannot be made in the users' current state: a name taken, or an operator locking themselves out. */
public class UserConflictException extends RuntimeException {

    public UserConflictException(String message) {
        super(message);
    }
}
