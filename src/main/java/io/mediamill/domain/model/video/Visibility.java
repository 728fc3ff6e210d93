package io.mediamill.domain.model.video;

import java.util.Locale;

/**
 * Who may play a video from its plain media URLs: only its owner and operators ({@code private}, the
 * default), or anyone who has the link ({@code unlisted}). Signed media URLs work either way.
 */
public enum Visibility {
    PRIVATE,
    UNLISTED;

    /** The name clients send and see: {@code private}, {@code unlisted}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A client's value, in any case; none (or a blank one) is the default, {@code private}. */
    public static Visibility parse(String value) {
        if (value == null || value.isBlank()) {
            return PRIVATE;
        }
        for (Visibility visibility : values()) {
            if (visibility.label().equalsIgnoreCase(value.strip())) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("The visibility must be \"private\" or \"unlisted\", not \"" + value + "\".");
    }
}
