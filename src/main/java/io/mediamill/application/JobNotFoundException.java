package io.mediamill.application;

/** No job execution of a video has this id. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(long executionId) {
        super("There is no job execution " + executionId + ".");
    }
}
