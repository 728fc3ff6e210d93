package io.mediamill.domain.model.video;

import java.io.Serializable;

/**
 * One rung of the output ladder: the target height and the quality caps for H.264 (constant rate factor
 * bounded by a maximum rate) and the AAC audio bit rate.
 */
public record RenditionProfile(int height, int crf, int maxRateKbps, int audioKbps) implements Serializable {

    public RenditionProfile {
        if (height < 2 || height % 2 != 0) {
            throw new IllegalArgumentException("rendition height must be even and positive: " + height);
        }
    }

    /** The VBV buffer: two seconds at the maximum rate, the usual choice for capped-CRF streaming encodes. */
    public int bufferKbps() {
        return maxRateKbps * 2;
    }

    public String name() {
        return height + "p";
    }
}
