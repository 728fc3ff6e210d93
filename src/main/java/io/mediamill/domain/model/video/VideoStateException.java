package io.mediamill.domain.model.video;

/** The video is not in a state that allows what was asked (restarting a video that did not fail, say). */
public class VideoStateException extends RuntimeException {

    public VideoStateException(String message) {
        super(message);
    }
}
