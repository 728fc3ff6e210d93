package io.mediamill.application;

/** The file is readable media but not something the service can turn into a video. */
public class UnsupportedMediaException extends RuntimeException {

    public UnsupportedMediaException(String message) {
        super(message);
    }
}
