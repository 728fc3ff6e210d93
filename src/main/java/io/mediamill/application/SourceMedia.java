package io.mediamill.application;

import java.nio.file.Path;

/** What the processing steps need to know about a video's source: where it is and its displayed size. */
public record SourceMedia(String videoId, Path path, int width, int height, Double durationSeconds) {

    /** The width ffmpeg's {@code scale=-2:height} produces: the aspect ratio kept, rounded to an even number. */
    public int widthAtHeight(int targetHeight) {
        return (int) Math.round((double) targetHeight * width / (height * 2.0)) * 2;
    }
}
