package io.mediamill.application.users;

/** A user request that does not make sense: a malformed name, an unknown role, a field that does not exist. */
public class InvalidUserException extends RuntimeException {

    public InvalidUserException(String message) {
        super(message);
    }
}
