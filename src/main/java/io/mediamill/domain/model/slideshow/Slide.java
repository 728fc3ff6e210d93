package io.mediamill.domain.model.slideshow;

import java.util.Objects;

/**
 * One image of a slideshow as it was checked on arrival: its file in the composition's folder, the demuxer that
 * reads it ({@code jpeg_pipe}, {@code png_pipe}, {@code webp_pipe}), its stored size, its EXIF orientation (1–8,
 * 1 when it has none) and how long it is on screen.
 */
public record Slide(String file, String format, int width, int height, int orientation, double seconds) {

    public Slide {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation is 1 to 8, not " + orientation);
        }
    }

    /** Orientations 5–8 turn the picture a quarter: its upright width is its stored height. */
    public boolean turnedQuarter() {
        return orientation >= 5;
    }

    public int uprightWidth() {
        return turnedQuarter() ? height : width;
    }

    public int uprightHeight() {
        return turnedQuarter() ? width : height;
    }

    public long pixels() {
        return (long) width * height;
    }
}
