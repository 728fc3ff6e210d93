package io.mediamill.domain.model.slideshow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * A slideshow's time in whole frames at {@link #FPS}: how long each image is on screen, the transitions that
 * overlap neighbours, and how the whole is cut into batches that are rendered apart and joined by stream copy.
 * Image times are rounded cumulatively, so the images together are never more than a frame off what was asked;
 * each transition is rounded to whole frames on its own.
 */
public final class SlideshowTimeline {

    public static final int FPS = 30;

    private final int[] slideFrames;
    private final int transitionFrames;

    public SlideshowTimeline(List<Double> secondsPerSlide, double transitionSeconds) {
        if (secondsPerSlide.size() < 2) {
            throw new IllegalArgumentException("a slideshow has at least two images");
        }
        slideFrames = new int[secondsPerSlide.size()];
        double start = 0;
        for (int i = 0; i < slideFrames.length; i++) {
            double end = start + secondsPerSlide.get(i);
            slideFrames[i] = (int) (Math.round(end * FPS) - Math.round(start * FPS));
            start = end;
        }
        transitionFrames = (int) Math.max(1, Math.round(transitionSeconds * FPS));
    }

    public int slides() {
        return slideFrames.length;
    }

    public int slideFrames(int slide) {
        return slideFrames[slide];
    }

    public int transitionFrames() {
        return transitionFrames;
    }

    /** How many of an image's frames its transitions take: one join for the first and last, two between. */
    public int framesInTransitions(int slide) {
        int joins = (slide > 0 ? 1 : 0) + (slide < slideFrames.length - 1 ? 1 : 0);
        return joins * transitionFrames;
    }

    /** The first image whose transitions do not fit in its time, if any (-1 when all fit). */
    public int firstCrowdedSlide() {
        for (int i = 0; i < slideFrames.length; i++) {
            if (slideFrames[i] < 1 || framesInTransitions(i) > slideFrames[i]) {
                return i;
            }
        }
        return -1;
    }

    public int totalFrames() {
        int total = 0;
        for (int frames : slideFrames) {
            total += frames;
        }
        return total - (slideFrames.length - 1) * transitionFrames;
    }

    public double totalSeconds() {
        return (double) totalFrames() / FPS;
    }

    /** The frame at which an image starts to appear (its incoming transition begins). */
    public int startFrame(int slide) {
        int start = 0;
        for (int i = 0; i < slide; i++) {
            start += slideFrames[i] - transitionFrames;
        }
        return start;
    }

    /**
     * The batches to render: each holds at most {@code maxSlides} images and, unless one image alone exceeds it,
     * at most {@code maxPixels} stored pixels ({@code pixels} of each image), because ffmpeg holds one decoded
     * picture of every input of its graph. Neighbouring batches share an image, cut in the middle of the time it
     * is alone on screen, so every cut falls where no transition runs and the batches join by stream copy.
     */
    public List<Batch> batches(int maxSlides, long maxPixels, IntToLongFunction pixels) {
        if (maxSlides < 2) {
            throw new IllegalArgumentException("a batch holds at least two images");
        }
        List<Batch> batches = new ArrayList<>();
        int first = 0;
        int firstFrom = 0;
        while (true) {
            int last = first;
            long held = pixels.applyAsLong(first);
            while (last + 1 < slideFrames.length && last + 1 - first + 1 <= maxSlides
                    && (last == first || held + pixels.applyAsLong(last + 1) <= maxPixels)) {
                last++;
                held += pixels.applyAsLong(last);
            }
            boolean final_ = last == slideFrames.length - 1;
            int cut = final_ ? slideFrames[last] : cutFrame(last);
            List<Clip> clips = new ArrayList<>();
            for (int slide = first; slide <= last; slide++) {
                int from = slide == first ? firstFrom : 0;
                int to = slide == last ? cut : slideFrames[slide];
                clips.add(new Clip(slide, from, to - from, slideFrames[slide]));
            }
            batches.add(new Batch(batches.size(), clips, transitionFrames));
            if (final_) {
                return List.copyOf(batches);
            }
            first = last;
            firstFrom = cut;
        }
    }

    /** The middle of the time an image is on screen alone, between its two transitions. */
    private int cutFrame(int slide) {
        int in = slide > 0 ? transitionFrames : 0;
        int out = transitionFrames;
        return in + (slideFrames[slide] - in - out) / 2;
    }

    /**
     * Part of one image's time: {@code frames} frames from frame {@code from} of its {@code slideFrames}
     * (an image shared by two batches is split between them).
     */
    public record Clip(int slide, int from, int frames, int slideFrames) {
    }

    /** Images rendered by one ffmpeg run, joined by transitions of {@code transitionFrames} frames. */
    public record Batch(int index, List<Clip> clips, int transitionFrames) {

        public Batch {
            clips = List.copyOf(clips);
        }

        /** The frame (from the batch's start) at which the transition into clip {@code i} begins. */
        public int offsetOf(int i) {
            int offset = 0;
            for (int c = 0; c < i; c++) {
                offset += clips.get(c).frames() - transitionFrames;
            }
            return offset;
        }

        public int frames() {
            return offsetOf(clips.size() - 1) + clips.get(clips.size() - 1).frames();
        }
    }
}
