package io.mediamill.application.users;

/** No API token of that id among the caller's. */
public class UnknownTokenException extends RuntimeException {

    public UnknownTokenException(String id) {
        super("There is no API token \"" + id + "\" of yours.");
    }
}
