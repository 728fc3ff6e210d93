package io.mediamill.domain.model.video;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the renditions for a source: every standard rung no taller than the source, never upscaled.
 * A source shorter than the lowest rung gets one rendition at its own (even) height.
 *
 * <p>Caps follow Apple's HLS authoring guidelines for H.264 (roughly 7.8/4.5/2/1/0.4 Mbit/s at
 * 1080/720/480/360/240 lines); CRF 23 keeps easy content well under them.
 */
public final class RenditionLadder {

    private static final List<RenditionProfile> STANDARD_RUNGS = List.of(
            new RenditionProfile(1080, 23, 7800, 128),
            new RenditionProfile(720, 23, 4500, 128),
            new RenditionProfile(480, 23, 2000, 128),
            new RenditionProfile(360, 23, 1000, 128),
            new RenditionProfile(240, 23, 400, 128));

    private RenditionLadder() {
    }

    /** The rungs for a source of the given display height, tallest first. */
    public static List<RenditionProfile> forSourceHeight(int sourceHeight) {
        if (sourceHeight < 2) {
            throw new IllegalArgumentException("source height must be positive: " + sourceHeight);
        }
        List<RenditionProfile> rungs = new ArrayList<>();
        for (RenditionProfile rung : STANDARD_RUNGS) {
            if (rung.height() <= sourceHeight) {
                rungs.add(rung);
            }
        }
        if (rungs.isEmpty()) {
            RenditionProfile lowest = STANDARD_RUNGS.get(STANDARD_RUNGS.size() - 1);
            int evenHeight = sourceHeight - sourceHeight % 2;
            rungs.add(new RenditionProfile(evenHeight, lowest.crf(), lowest.maxRateKbps(), lowest.audioKbps()));
        }
        return List.copyOf(rungs);
    }
}
