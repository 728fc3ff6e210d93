package io.mediamill.application;

/**
 * An upload that cannot be accepted; the message says why in words meant for the uploader, and
 * {@code status} what kind of refusal it is (400 malformed, 413 too large, 422 not something we can play).
 */
public class InvalidUploadException extends RuntimeException {

    private final int status;

    public InvalidUploadException(String message) {
        this(400, message);
    }

    public InvalidUploadException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
