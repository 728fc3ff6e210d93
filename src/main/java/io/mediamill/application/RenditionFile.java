package io.mediamill.application;

import java.io.Serializable;

/** A rendition written to the media volume, ready to be recorded; {@code bitrate} is its measured average in bit/s. */
public record RenditionFile(int height, int width, long bitrate, long sizeBytes, String path) implements Serializable {
}
