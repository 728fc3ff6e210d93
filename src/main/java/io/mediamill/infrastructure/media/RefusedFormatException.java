package io.mediamill.infrastructure.media;

/**
 * The file is in a format its input does not allow (see {@link MediaInput}): recognised from its first bytes,
 * or probed by ffprobe and refused before the demuxer read anything. {@link #format()} is the demuxer's name,
 * for the caller to put into words.
 */
public class RefusedFormatException extends UnreadableMediaException {

    private final String format;

    public RefusedFormatException(String format, Throwable cause) {
        super("the format " + format + " is not one the service reads", cause);
        this.format = format;
    }

    public String format() {
        return format;
    }
}
