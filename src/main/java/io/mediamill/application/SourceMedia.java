package io.mediamill.application;

import io.mediamill.domain.model.video.LadderPlan;
import io.mediamill.domain.model.video.SourceFacts;
import io.mediamill.infrastructure.media.MediaInput;
import io.mediamill.infrastructure.media.WatermarkOverlay;

/**
 * What the processing steps need to know about a video's source: where it is and how it may be read, its
 * facts, the watermark if any.
 */
public record SourceMedia(String videoId, MediaInput input, SourceFacts facts, Double durationSeconds,
                          WatermarkOverlay watermark) {

    public int width() {
        return facts.width();
    }

    public int height() {
        return facts.height();
    }

    public boolean hasVideo() {
        return facts.hasVideo();
    }

    public double duration() {
        return durationSeconds == null ? 0 : durationSeconds;
    }

    /** The ladder this source gets; the same facts always give the same plan, so restarts agree with the first run. */
    public LadderPlan plan() {
        return LadderPlan.forSource(facts);
    }

    /** The width ffmpeg's {@code scale=-2:height} produces: the aspect ratio kept, rounded to an even number. */
    public int widthAtHeight(int targetHeight) {
        return (int) Math.round((double) targetHeight * width() / (height() * 2.0)) * 2;
    }
}
