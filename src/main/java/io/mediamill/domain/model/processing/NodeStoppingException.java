package io.mediamill.domain.model.processing;

/**
 * The node went down while it worked on a video. Not a failed attempt: the task stays claimed by the stopped
 * node until it comes back or another node takes it over.
 */
public class NodeStoppingException extends RuntimeException {

    public NodeStoppingException(String message) {
        super(message);
    }
}
