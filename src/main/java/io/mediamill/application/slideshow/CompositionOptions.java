package io.mediamill.application.slideshow;

import io.mediamill.domain.model.slideshow.Fit;
import io.mediamill.domain.model.slideshow.Transitions;
import io.mediamill.domain.model.video.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text fields of a composition form, checked: each bad value is refused naming its field. The per-image
 * times are checked against the number of images by {@link CompositionService}, which knows it.
 */
public record CompositionOptions(String title, List<Double> secondsPerImage, String transition, double transitionSeconds,
                                 int width, int height, Fit fit, String background, boolean kenBurns,
                                 Visibility visibility) {

    public static final int MIN_IMAGES = 2;
    public static final int MAX_IMAGES = 50;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final double MAX_SECONDS_PER_IMAGE = 60;
    public static final double MAX_TRANSITION_SECONDS = 10;
    public static final int MIN_SIDE = 128;
    public static final int MAX_SIDE = 1920;
    /** The sizes a shop usually wants: portrait (stories, reels), landscape and square. */
    public static final List<String> SIZES = List.of("1080x1920", "1920x1080", "1080x1080");

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}|[A-Za-z]{3,20}");

    /** Reads the fields a form sent, by name; absent ones take their defaults. */
    public static CompositionOptions parse(Map<String, String> fields) {
        String title = fields.get("title") == null ? null : fields.get("title").strip();
        if (title != null && title.isEmpty()) {
            title = null;
        }
        if (title != null && title.codePointCount(0, title.length()) > MAX_TITLE_LENGTH) {
            throw new RefusedCompositionException("title", "The title has more than " + MAX_TITLE_LENGTH + " characters.");
        }
        if (title != null && title.codePoints().anyMatch(Character::isISOControl)) {
            throw new RefusedCompositionException("title", "The title must be one line without control characters.");
        }
        List<Double> seconds = secondsList(fields.getOrDefault("secondsPerImage", "3"));
        String transition = fields.getOrDefault("transition", Transitions.DEFAULT).strip().toLowerCase(Locale.ROOT);
        if (!Transitions.isKnown(transition)) {
            throw new RefusedCompositionException("transition", "\"" + printable(transition)
                    + "\" is not a transition; choose one of " + String.join(", ", Transitions.NAMES) + ", or random.");
        }
        double transitionSeconds = number("transitionSeconds", fields.getOrDefault("transitionSeconds", "0.5"));
        if (!(transitionSeconds > 0) || transitionSeconds > MAX_TRANSITION_SECONDS) {
            throw new RefusedCompositionException("transitionSeconds", "transitionSeconds must be above 0 and at most "
                    + (int) MAX_TRANSITION_SECONDS + ", not " + printable(fields.get("transitionSeconds")) + ".");
        }
        int width = side("width", fields.getOrDefault("width", "1080"));
        int height = side("height", fields.getOrDefault("height", "1920"));
        String fitName = fields.getOrDefault("fit", Fit.CONTAIN_BLUR.wireName()).strip();
        Fit fit = Fit.parse(fitName).orElseThrow(() -> new RefusedCompositionException("fit", "fit must be one of "
                + String.join(", ", Fit.wireNames()) + ", not \"" + printable(fitName) + "\"."));
        String background = fields.getOrDefault("background", "black").strip();
        if (!COLOUR.matcher(background).matches()) {
            throw new RefusedCompositionException("background", "background must be a colour such as black or #1a2b3c.");
        }
        boolean kenBurns = flag("kenBurns", fields.getOrDefault("kenBurns", "false"));
        Visibility visibility;
        try {
            visibility = Visibility.parse(fields.get("visibility"));
        } catch (IllegalArgumentException e) {
            throw new RefusedCompositionException("visibility", e.getMessage());
        }
        return new CompositionOptions(title, seconds, transition, transitionSeconds, width, height, fit, background,
                kenBurns, visibility);
    }

    /** Each image's time: one value for all, or one per image. */
    public List<Double> secondsFor(int images) {
        if (secondsPerImage.size() == 1) {
            return java.util.Collections.nCopies(images, secondsPerImage.get(0));
        }
        if (secondsPerImage.size() != images) {
            throw new RefusedCompositionException("secondsPerImage", "secondsPerImage has " + secondsPerImage.size()
                    + " values for " + images + " images; give one value for all, or one per image.");
        }
        return secondsPerImage;
    }

    private static List<Double> secondsList(String text) {
        List<Double> seconds = new ArrayList<>();
        for (String value : text.split(",", -1)) {
            double each = number("secondsPerImage", value);
            if (!(each > 0) || each > MAX_SECONDS_PER_IMAGE) {
                throw new RefusedCompositionException("secondsPerImage", "Each value of secondsPerImage must be above 0 "
                        + "and at most " + (int) MAX_SECONDS_PER_IMAGE + ", not " + printable(value.strip()) + ".");
            }
            seconds.add(each);
        }
        if (seconds.size() > MAX_IMAGES) {
            throw new RefusedCompositionException("secondsPerImage", "secondsPerImage has more values than images.");
        }
        return List.copyOf(seconds);
    }

    private static double number(String field, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RefusedCompositionException(field, field + " must be a number of seconds, not \"" + printable(text) + "\".");
    }

    private static int side(String field, String text) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new RefusedCompositionException(field, field + " must be a whole number of pixels, not \"" + printable(text) + "\".");
        }
        if (value < MIN_SIDE || value > MAX_SIDE || value % 2 != 0) {
            throw new RefusedCompositionException(field, field + " must be an even number of pixels from " + MIN_SIDE
                    + " to " + MAX_SIDE + ", not " + value + ".");
        }
        return value;
    }

    private static boolean flag(String field, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no", "" -> false;
            default -> throw new RefusedCompositionException(field, field + " must be true or false.");
        };
    }

    /** A client's value as an answer quotes it: printable and short. */
    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String shown = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() <= 60 ? shown : shown.substring(0, 60) + "…";
    }
}
