package io.mediamill.interfaces.rest;

/**
 * A query parameter the API cannot use, said in words that name the right values (400). Its own type rather than
 * JAX-RS's BadRequestException, which needs a running JAX-RS implementation even to be made.
 */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
