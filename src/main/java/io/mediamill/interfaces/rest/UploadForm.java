package io.mediamill.interfaces.rest;

import io.mediamill.application.InvalidUploadException;
import io.mediamill.application.slideshow.RefusedCompositionException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts a multipart form takes ({@link #VIDEO} for {@code POST /api/videos}, {@link #COMPOSITION} for
 * {@code POST /api/compositions}): the one list of them, which the multipart reader holds every request to while
 * its body streams in. A part the list does not name, a part sent more often than it may come, a part without a
 * name, or a text field over {@link #MAX_TEXT_BYTES} is refused when it arrives, before the rest of the body is
 * read. A form has at most as many parts as its list allows in all; that bound is checked as each part starts,
 * before its headers are read.
 */
final class UploadForm {

    /** How a part is read: a file is streamed onto the media volume, a text field is kept in memory. */
    enum Kind { FILE, TEXT }

    /** A part the form takes: its kind and how often it may come. */
    record Part(Kind kind, int times) {
    }

    static final String FILE = "file";
    static final String WATERMARK = "watermark";
    static final String IMAGE = "image";
    static final String AUDIO = "audio";

    /** The largest text field; a title (the longest, at most 500 characters) fits in any script. */
    static final int MAX_TEXT_BYTES = 4096;

    static final UploadForm VIDEO = new UploadForm(new PartsBuilder()
            .once(FILE, Kind.FILE).once("title", Kind.TEXT).once("visibility", Kind.TEXT).once(WATERMARK, Kind.FILE)
            .once("watermarkCorner", Kind.TEXT).once("watermarkMargin", Kind.TEXT).once("watermarkOpacity", Kind.TEXT)
            .parts);

    /** The most images a slideshow takes. */
    static final int MAX_IMAGES = 50;

    static final UploadForm COMPOSITION = new UploadForm(new PartsBuilder()
            .add(IMAGE, new Part(Kind.FILE, MAX_IMAGES)).once(AUDIO, Kind.FILE)
            .once("title", Kind.TEXT).once("secondsPerImage", Kind.TEXT).once("transition", Kind.TEXT)
            .once("transitionSeconds", Kind.TEXT).once("width", Kind.TEXT).once("height", Kind.TEXT)
            .once("fit", Kind.TEXT).once("background", Kind.TEXT).once("kenBurns", Kind.TEXT)
            .once("visibility", Kind.TEXT)
            .parts);

    private final Map<String, Part> parts;
    private final int maxParts;
    private final String names;

    private UploadForm(Map<String, Part> parts) {
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        this.maxParts = parts.values().stream().mapToInt(Part::times).sum();
        this.names = String.join(", ", parts.keySet());
    }

    /** The most parts a form can have: each as often as it may come. */
    int maxParts() {
        return maxParts;
    }

    /** A new judge of one request's parts. */
    Parts parts() {
        return new Parts();
    }

    /** The parts of one request, judged in the order they arrive. */
    final class Parts {

        private final Map<String, Integer> seen = new HashMap<>();
        private int started;

        /** A part begins. */
        void start() {
            if (++started > maxParts) {
                throw refused("The form has more than " + maxParts + " parts; it takes " + description() + ".");
            }
        }

        /** A part's headers have arrived: how to read it, if the form takes it. */
        Kind named(String name) {
            if (name == null) {
                throw refused("Part " + started + " of the form has no name; the parts are: " + names + ".");
            }
            Part part = parts.get(name);
            if (part == null) {
                throw refused("The form has a part named " + quoted(name) + ", which is not one of: " + names + ".");
            }
            int times = seen.merge(name, 1, Integer::sum);
            if (name.equals(IMAGE) && times > part.times()) {
                // Too many images is the composition's own rule, answered as its other refusals are.
                throw new RefusedCompositionException(IMAGE, "A slideshow takes at most " + part.times()
                        + " images (parts named \"image\"); this one has more.");
            }
            if (times > part.times()) {
                throw refused(part.times() == 1 ? "The part " + quoted(name) + " appears more than once in the form."
                        : "The part " + quoted(name) + " appears more than " + part.times() + " times in the form.");
            }
            return part.kind();
        }
    }

    private String description() {
        return parts.values().stream().allMatch(part -> part.times() == 1) ? "at most one of each of: " + names
                : "at most: " + String.join(", ", parts.entrySet().stream()
                        .map(part -> part.getValue().times() + " × " + part.getKey()).toList());
    }

    /** The refusal of a text field over {@link #MAX_TEXT_BYTES}. */
    static InvalidUploadException textTooLarge(String name) {
        return refused("The form field " + quoted(name) + " is larger than the limit of " + MAX_TEXT_BYTES + " bytes.");
    }

    private static InvalidUploadException refused(String detail) {
        return new InvalidUploadException(400, detail);
    }

    /** A client's part name as the answer quotes it: printable, and short whatever was sent. */
    private static String quoted(String name) {
        String printable = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "\"" + (printable.length() <= 100 ? printable : printable.substring(0, 100) + "…") + "\"";
    }

    /** Collects the parts in the order the refusals list them. */
    private static final class PartsBuilder {
        private final Map<String, Part> parts = new LinkedHashMap<>();

        PartsBuilder once(String name, Kind kind) {
            return add(name, new Part(kind, 1));
        }

        PartsBuilder add(String name, Part part) {
            parts.put(name, part);
            return this;
        }
    }
}
