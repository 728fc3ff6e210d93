package io.mediamill.application.slideshow;

/**
 * A composition that cannot be made, naming the form part at fault ({@code image}, {@code transitionSeconds}, …)
 * and saying why in words meant for the person who sent it; answered with 422 unless {@code status} says otherwise.
 */
public class RefusedCompositionException extends RuntimeException {

    private final String part;
    private final int status;

    public RefusedCompositionException(String part, String message) {
        this(422, part, message);
    }

    public RefusedCompositionException(int status, String part, String message) {
        super(message);
        this.part = part;
        this.status = status;
    }

    public String part() {
        return part;
    }

    public int status() {
        return status;
    }
}
