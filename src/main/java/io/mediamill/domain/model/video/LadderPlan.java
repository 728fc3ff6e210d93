package io.mediamill.domain.model.video;

import java.util.ArrayList;
import java.util.List;

/**
 * What one ladder run produces for a source: the video rungs, tallest first, each encoded or (fast path)
 * copied from the source, and whether there is an audio rendition.
 *
 * <p>Fast path: a source that is already H.264 yuv420p, upright, even-sized, with AAC or no audio, no
 * watermark and an overall bit rate within the top rung's caps needs no re-encode for its own rung: it is
 * remuxed into the stream as the top rung, and only the lower rungs are encoded.
 */
public record LadderPlan(List<Rung> rungs, boolean audio) {

    /** One video rung: its profile, and whether the source's own video stream is copied instead of encoded. */
    public record Rung(RenditionProfile profile, boolean copy) {
    }

    public LadderPlan {
        rungs = List.copyOf(rungs);
        if (rungs.isEmpty() && !audio) {
            throw new IllegalArgumentException("a ladder needs video rungs or audio");
        }
    }

    public static LadderPlan forSource(SourceFacts source) {
        if (!source.hasVideo()) {
            return new LadderPlan(List.of(), source.hasAudio());
        }
        List<RenditionProfile> standard = RenditionLadder.forSourceHeight(source.height());
        List<Rung> rungs = new ArrayList<>();
        if (qualifiesForFastPath(source, standard.get(0))) {
            RenditionProfile top = standard.get(0);
            rungs.add(new Rung(new RenditionProfile(source.height(), top.crf(), top.maxRateKbps(), top.audioKbps()), true));
            standard.subList(1, standard.size()).forEach(profile -> rungs.add(new Rung(profile, false)));
        } else {
            standard.forEach(profile -> rungs.add(new Rung(profile, false)));
        }
        return new LadderPlan(rungs, source.hasAudio());
    }

    static boolean qualifiesForFastPath(SourceFacts source, RenditionProfile topRung) {
        long capBitsPerSecond = (topRung.maxRateKbps() + topRung.audioKbps()) * 1000L;
        return "h264".equals(source.videoCodec())
                && "yuv420p".equals(source.pixelFormat())
                && source.rotation() == 0
                && source.width() % 2 == 0 && source.height() % 2 == 0
                && (!source.hasAudio() || "aac".equals(source.audioCodec()))
                && !source.watermarked()
                && source.bitRate() != null && source.bitRate() <= capBitsPerSecond;
    }

    public boolean hasVideo() {
        return !rungs.isEmpty();
    }

    public boolean fastPath() {
        return rungs.stream().anyMatch(Rung::copy);
    }

    /** Rungs that go through the encoder (everything but a copied rung). */
    public List<Rung> encodedRungs() {
        return rungs.stream().filter(rung -> !rung.copy()).toList();
    }
}
