package io.mediamill.domain.model.video;

import java.io.Serializable;

/** A produced rendition to record: kind, size (height 0 for audio), measured bit rate and its HLS media playlist. */
public record RenditionSpec(RenditionKind kind, int height, int width, long bitrate, long sizeBytes, String path)
        implements Serializable {
}
