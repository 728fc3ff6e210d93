package io.mediamill.domain.model.live;

/** A relay request that cannot be taken as it is: {@code field} names what is wrong, the message says why. */
public class RefusedSourceException extends RuntimeException {

    private final String field;

    public RefusedSourceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
