package io.mediamill.domain.model.video;

/**
 * What the probe learned about a source that decides how it is processed: its displayed size, codecs,
 * pixel format, rotation, overall bit rate, and whether a watermark must be burnt in.
 */
public record SourceFacts(int width, int height, String videoCodec, String pixelFormat, int rotation, Long bitRate,
                          boolean hasAudio, String audioCodec, boolean watermarked) {

    public boolean hasVideo() {
        return width > 0 && height > 0;
    }
}
