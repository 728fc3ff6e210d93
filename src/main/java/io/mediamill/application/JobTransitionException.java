package io.mediamill.application;

/** An operator asked a job execution for something its state does not allow (restart a running one, ...). */
public class JobTransitionException extends RuntimeException {

    public JobTransitionException(String message) {
        super(message);
    }
}
