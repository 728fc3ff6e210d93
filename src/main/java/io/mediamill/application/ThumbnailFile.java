package io.mediamill.application;

import java.io.Serializable;

/** A snapshot written to the media volume, ready to be recorded. */
public record ThumbnailFile(int position, double timeSeconds, String path, int width, int height)
        implements Serializable {
}
