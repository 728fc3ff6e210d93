package io.mediamill.application.users;

/** A user name and password (or token) that do not sign anyone in; deliberately silent about which part was wrong. */
public class BadCredentialsException extends RuntimeException {

    public BadCredentialsException() {
        super("The user name or password is not valid.");
    }
}
