package io.mediamill.domain.model.video;

/**
 * The first video stream of a media file as ffprobe saw it. {@code rotation} is the display rotation in
 * degrees (0, 90, 180, 270) that players and ffmpeg's autorotate apply, so the displayed size may swap
 * width and height.
 */
public record VideoStreamInfo(String codec, int width, int height, int rotation, String pixelFormat, Double frameRate) {

    public int displayWidth() {
        return isQuarterTurn() ? height : width;
    }

    public int displayHeight() {
        return isQuarterTurn() ? width : height;
    }

    private boolean isQuarterTurn() {
        return Math.abs(rotation) % 180 == 90;
    }
}
