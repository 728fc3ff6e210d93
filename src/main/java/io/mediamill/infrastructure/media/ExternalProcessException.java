package io.mediamill.infrastructure.media;

import java.util.OptionalInt;

/** An external program failed to start, exited with an error or ran too long; the message carries its stderr tail. */
public class ExternalProcessException extends RuntimeException {

    private final String stderrTail;
    private final Integer exitValue;

    public ExternalProcessException(String message, String stderrTail, Throwable cause) {
        super(withTail(message, stderrTail), cause);
        this.stderrTail = stderrTail;
        this.exitValue = null;
    }

    /** A program that ran to its end and exited with {@code exitValue}, not zero. */
    public ExternalProcessException(String message, String stderrTail, int exitValue) {
        super(withTail(message, stderrTail));
        this.stderrTail = stderrTail;
        this.exitValue = exitValue;
    }

    private static String withTail(String message, String stderrTail) {
        return stderrTail == null || stderrTail.isBlank() ? message : message + ":\n" + stderrTail;
    }

    public String stderrTail() {
        return stderrTail;
    }

    /** The exit value of a program that ended by itself; empty when it could not start, was killed or stopped. */
    public OptionalInt exitValue() {
        return exitValue == null ? OptionalInt.empty() : OptionalInt.of(exitValue);
    }
}
