package io.mediamill.infrastructure.media;

/** ffprobe could not make sense of a file: it is not media, or it is damaged. */
public class UnreadableMediaException extends RuntimeException {

    public UnreadableMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
