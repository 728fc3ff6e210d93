package io.mediamill.domain.model.slideshow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The transitions between images: ffmpeg's {@code xfade} set (as ffmpeg 5.1 has it, without {@code custom},
 * which takes expressions), or {@link #RANDOM}, which picks one per join.
 */
public final class Transitions {

    public static final String RANDOM = "random";
    public static final String DEFAULT = "fade";

    public static final List<String> NAMES = List.of("fade", "wipeleft", "wiperight", "wipeup", "wipedown",
            "slideleft", "slideright", "slideup", "slidedown", "circlecrop", "rectcrop", "distance", "fadeblack",
            "fadewhite", "radial", "smoothleft", "smoothright", "smoothup", "smoothdown", "circleopen", "circleclose",
            "vertopen", "vertclose", "horzopen", "horzclose", "dissolve", "pixelize", "diagtl", "diagtr", "diagbl",
            "diagbr", "hlslice", "hrslice", "vuslice", "vdslice", "hblur", "fadegrays", "wipetl", "wipetr", "wipebl",
            "wipebr", "squeezeh", "squeezev", "zoomin", "fadefast", "fadeslow");

    private Transitions() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name) || RANDOM.equals(name);
    }

    /**
     * The transition of each of the {@code joins} joins. Random choices are made once, here, from {@code seed}, and
     * kept in the plan: a retried or resumed composition draws exactly the same video.
     */
    public static List<String> forJoins(String chosen, int joins, long seed) {
        List<String> each = new ArrayList<>(joins);
        Random random = new Random(seed);
        for (int i = 0; i < joins; i++) {
            each.add(RANDOM.equals(chosen) ? NAMES.get(random.nextInt(NAMES.size())) : chosen);
        }
        return List.copyOf(each);
    }
}
