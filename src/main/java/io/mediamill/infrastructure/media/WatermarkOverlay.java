package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.video.Watermark;

/** A watermark image on disk (read as the image it must be) with where and how it goes over the picture. */
public record WatermarkOverlay(MediaInput image, Watermark.Corner corner, int margin, double opacity) {

    /** The overlay filter's position for the corner: W/H are the picture's size, w/h the image's. */
    String position() {
        String left = String.valueOf(margin);
        String right = "W-w-" + margin;
        String top = String.valueOf(margin);
        String bottom = "H-h-" + margin;
        return switch (corner) {
            case TOP_LEFT -> "x=" + left + ":y=" + top;
            case TOP_RIGHT -> "x=" + right + ":y=" + top;
            case BOTTOM_LEFT -> "x=" + left + ":y=" + bottom;
            case BOTTOM_RIGHT -> "x=" + right + ":y=" + bottom;
        };
    }
}
