package io.mediamill.domain.model.slideshow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlideshowTimelineTest {

    @Test
    void theLengthIsTheImagesTimeLessTheOverlaps() {
        SlideshowTimeline timeline = new SlideshowTimeline(Collections.nCopies(5, 3.0), 0.5);

        assertEquals(15, timeline.transitionFrames());
        assertEquals(5 * 90 - 4 * 15, timeline.totalFrames());
        assertEquals(5 * 3.0 - 4 * 0.5, timeline.totalSeconds(), 1e-9);
        assertEquals(0, timeline.startFrame(0));
        assertEquals(2 * (90 - 15), timeline.startFrame(2));
    }

    @Test
    void imageTimesAreRoundedCumulativelySoTheWholeIsNeverAFrameOff() {
        List<Double> seconds = Collections.nCopies(40, 0.35);
        SlideshowTimeline timeline = new SlideshowTimeline(seconds, 0.1);

        int frames = 0;
        for (int i = 0; i < timeline.slides(); i++) {
            int each = timeline.slideFrames(i);
            assertTrue(each == 10 || each == 11, "0.35 s at 30 fps is 10.5 frames, not " + each);
            frames += each;
        }
        assertEquals(Math.round(40 * 0.35 * SlideshowTimeline.FPS), frames);
    }

    @Test
    void anImageWhoseTransitionsDoNotFitInItsTimeIsNamed() {
        assertEquals(1, new SlideshowTimeline(List.of(1.0, 0.5, 1.0), 0.3).firstCrowdedSlide(),
                "the middle image has two joins of 9 frames in 15");
        assertEquals(-1, new SlideshowTimeline(List.of(0.5, 1.0, 0.5), 0.5).firstCrowdedSlide(),
                "a first or last image has one join, which may take all its time");
        assertEquals(0, new SlideshowTimeline(List.of(0.01, 1.0), 0.01).firstCrowdedSlide(),
                "an image shorter than half a frame has no frame at all");
    }

    @Test
    void oneImageIsNoSlideshow() {
        assertThrows(IllegalArgumentException.class, () -> new SlideshowTimeline(List.of(3.0), 0.5));
    }

    @Test
    void batchesShareAnImageCutWhereNoTransitionRuns() {
        SlideshowTimeline timeline = new SlideshowTimeline(Collections.nCopies(5, 3.0), 0.5);

        List<SlideshowTimeline.Batch> batches = timeline.batches(3, Long.MAX_VALUE, slide -> 1);

        assertEquals(2, batches.size());
        assertEquals(List.of(new SlideshowTimeline.Clip(0, 0, 90, 90), new SlideshowTimeline.Clip(1, 0, 90, 90),
                new SlideshowTimeline.Clip(2, 0, 45, 90)), batches.get(0).clips(),
                "image 2 is alone on screen from frame 15 to 75: cut at 45");
        assertEquals(List.of(new SlideshowTimeline.Clip(2, 45, 45, 90), new SlideshowTimeline.Clip(3, 0, 90, 90),
                new SlideshowTimeline.Clip(4, 0, 90, 90)), batches.get(1).clips());
        assertEquals(75, batches.get(0).offsetOf(1));
        assertEquals(150, batches.get(0).offsetOf(2));
        assertEquals(195, batches.get(0).frames());
        assertEquals(timeline.totalFrames(), batches.get(0).frames() + batches.get(1).frames());
    }

    @Test
    void aBatchHoldsNoMorePixelsThanAllowedYetAlwaysTwoImages() {
        SlideshowTimeline timeline = new SlideshowTimeline(Collections.nCopies(6, 2.0), 0.5);
        long[] pixels = {40, 40, 40, 200, 40, 40};

        List<SlideshowTimeline.Batch> batches = timeline.batches(16, 100, slide -> pixels[slide]);

        List<List<Integer>> slides = batches.stream()
                .map(batch -> batch.clips().stream().map(SlideshowTimeline.Clip::slide).toList()).toList();
        assertEquals(List.of(List.of(0, 1), List.of(1, 2), List.of(2, 3), List.of(3, 4), List.of(4, 5)), slides,
                "40 + 40 + 40 would be over 100; the 200 image goes with one neighbour each time");
    }

    @Test
    void theBatchesAlwaysAddUpToTheWholeAndEveryJoinFallsInsideOne() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int slides = 2 + random.nextInt(49);
            double transition = 0.1 + random.nextInt(10) / 10.0;
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < slides; i++) {
                seconds.add(2 * transition + random.nextInt(50) / 10.0);
            }
            SlideshowTimeline timeline = new SlideshowTimeline(seconds, transition);
            long[] pixels = random.longs(slides, 1, 50).toArray();
            int maxSlides = 2 + random.nextInt(16);

            List<SlideshowTimeline.Batch> batches = timeline.batches(maxSlides, 60, slide -> pixels[slide]);

            String config = "round " + round + ": " + seconds + " with " + transition;
            assertEquals(timeline.totalFrames(), batches.stream().mapToInt(SlideshowTimeline.Batch::frames).sum(), config);
            int joins = 0;
            for (SlideshowTimeline.Batch batch : batches) {
                assertTrue(batch.clips().size() >= 2 && batch.clips().size() <= maxSlides, config);
                for (int i = 0; i < batch.clips().size(); i++) {
                    SlideshowTimeline.Clip clip = batch.clips().get(i);
                    int in = i > 0 ? timeline.transitionFrames() : 0;
                    int out = i < batch.clips().size() - 1 ? timeline.transitionFrames() : 0;
                    assertTrue(clip.frames() >= in + out, "a clip holds its own transitions; " + config);
                }
                joins += batch.clips().size() - 1;
            }
            assertEquals(slides - 1, joins, "each join is rendered once; " + config);
        }
    }
}
