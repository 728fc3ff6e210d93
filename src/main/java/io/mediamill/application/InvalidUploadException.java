package io.mediamill.application;

/** An upload that cannot be accepted; the message says why in words meant for the uploader. */
public class InvalidUploadException extends RuntimeException {

    public InvalidUploadException(String message) {
        super(message);
    }
}
