package io.mediamill.domain.model.slideshow;

import java.util.List;
import java.util.Objects;

/**
 * Everything a composition needs besides its files: the frame, how images fill it, the images in order with
 * their times, the transition of each join (random ones already drawn), the optional title and music.
 *
 * @param background the colour around a {@link Fit#CONTAIN} image, as ffmpeg names colours
 * @param audio the music's file in the composition's folder, or null for a silent track
 * @param audioFormat the demuxer that reads the music
 */
public record SlideshowPlan(int width, int height, Fit fit, String background, boolean kenBurns, String title,
                            double transitionSeconds, List<Slide> slides, List<String> transitions, String audio,
                            String audioFormat) {

    public SlideshowPlan {
        Objects.requireNonNull(fit, "fit");
        slides = List.copyOf(slides);
        transitions = List.copyOf(transitions);
        if (slides.size() < 2 || transitions.size() != slides.size() - 1) {
            throw new IllegalArgumentException("a slideshow has at least two images and one transition per join");
        }
    }

    public boolean hasTitle() {
        return title != null && !title.isBlank();
    }

    public boolean hasAudio() {
        return audio != null;
    }

    public SlideshowTimeline timeline() {
        return new SlideshowTimeline(slides.stream().map(Slide::seconds).toList(), transitionSeconds);
    }
}
