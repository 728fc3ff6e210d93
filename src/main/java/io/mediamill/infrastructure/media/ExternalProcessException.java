package io.mediamill.infrastructure.media;

/** An external program failed to start, exited with an error or ran too long; the message carries its stderr tail. */
public class ExternalProcessException extends RuntimeException {

    private final String stderrTail;

    public ExternalProcessException(String message, String stderrTail, Throwable cause) {
        super(stderrTail == null || stderrTail.isBlank() ? message : message + ":\n" + stderrTail, cause);
        this.stderrTail = stderrTail;
    }

    public String stderrTail() {
        return stderrTail;
    }
}
