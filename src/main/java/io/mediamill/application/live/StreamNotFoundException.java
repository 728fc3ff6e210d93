package io.mediamill.application.live;

/** No relay was ever started for this camera. */
public class StreamNotFoundException extends RuntimeException {

    public StreamNotFoundException(String cameraId) {
        super("no live stream for camera " + cameraId);
    }
}
