package io.mediamill.domain.model.slideshow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How an image of another shape fills the frame. */
public enum Fit {
    /** Whole image, the rest of the frame filled with a blurred, enlarged copy of it. */
    CONTAIN_BLUR,
    /** The frame filled, the image's overflow cropped away. */
    COVER,
    /** Whole image, the rest of the frame a plain colour. */
    CONTAIN;

    /** The name clients use: {@code contain-blur}, {@code cover}, {@code contain}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Fit> parse(String name) {
        return Arrays.stream(values()).filter(fit -> fit.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Fit::wireName).toList();
    }
}
