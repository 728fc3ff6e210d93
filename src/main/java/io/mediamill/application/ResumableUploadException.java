package io.mediamill.application;

/**
 * A tus request that cannot be honoured; {@code status} is the protocol's answer (404, 409, 413, 423, 460...),
 * {@code reason} its short name.
 */
public class ResumableUploadException extends RuntimeException {

    private final int status;
    private final String reason;

    public ResumableUploadException(int status, String reason, String detail) {
        super(detail);
        this.status = status;
        this.reason = reason;
    }

    public static ResumableUploadException notFound(String id) {
        return new ResumableUploadException(404, "Not Found", "No upload " + id + " (never created, expired or terminated).");
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
