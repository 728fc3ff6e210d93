package io.mediamill.application.users;

/** No user of that name (or none the caller may see). */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(String username) {
        super("There is no user \"" + username + "\".");
    }
}
