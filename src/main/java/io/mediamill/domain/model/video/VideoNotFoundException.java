package io.mediamill.domain.model.video;

/** No video has the requested id. */
public class VideoNotFoundException extends RuntimeException {

    public VideoNotFoundException(String videoId) {
        super("No video with id " + videoId);
    }
}
