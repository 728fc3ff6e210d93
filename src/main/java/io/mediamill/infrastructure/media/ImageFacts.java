package io.mediamill.infrastructure.media;

/**
 * What ffprobe found in a still image: the demuxer that read it, the size of its decoded picture, its EXIF
 * orientation (1–8) and whether a picture could be decoded at all.
 */
public record ImageFacts(String format, int width, int height, int orientation, boolean decoded) {
}
