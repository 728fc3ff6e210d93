package io.mediamill.interfaces.rest;

import io.mediamill.application.InvalidUploadException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts {@code POST /api/videos} ({@link VideoResource#upload}) takes: the one list of them, which the
 * multipart reader holds every request to while its body streams in. A part the list does not name, a part
 * sent twice, a part without a name, or a text field over {@link #MAX_TEXT_BYTES} is refused when it arrives,
 * before the rest of the body is read. Since each name may come once, a form has at most {@link #MAX_PARTS}
 * parts; that bound is checked as each part starts, before its headers are read.
 */
final class UploadForm {

    /** How a part is read: a file is streamed onto the media volume, a text field is kept in memory. */
    enum Kind { FILE, TEXT }

    static final String FILE = "file";
    static final String WATERMARK = "watermark";

    private static final Map<String, Kind> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put(FILE, Kind.FILE);
        PARTS.put("title", Kind.TEXT);
        PARTS.put("visibility", Kind.TEXT);
        PARTS.put(WATERMARK, Kind.FILE);
        PARTS.put("watermarkCorner", Kind.TEXT);
        PARTS.put("watermarkMargin", Kind.TEXT);
        PARTS.put("watermarkOpacity", Kind.TEXT);
    }

    /** The most parts a form can have: one of each. */
    static final int MAX_PARTS = PARTS.size();
    /** The largest text field; a title (the longest, at most 500 characters) fits in any script. */
    static final int MAX_TEXT_BYTES = 4096;

    private UploadForm() {
    }

    /** The parts of one request, judged in the order they arrive. */
    static final class Parts {

        private final Set<String> seen = new HashSet<>();
        private int started;

        /** A part begins. */
        void start() {
            if (++started > MAX_PARTS) {
                throw refused("The form has more than " + MAX_PARTS + " parts; it takes at most one of each of: "
                        + String.join(", ", PARTS.keySet()) + ".");
            }
        }

        /** A part's headers have arrived: how to read it, if the form takes it. */
        Kind named(String name) {
            if (name == null) {
                throw refused("Part " + started + " of the form has no name; the parts are: "
                        + String.join(", ", PARTS.keySet()) + ".");
            }
            Kind kind = PARTS.get(name);
            if (kind == null) {
                throw refused("The form has a part named " + quoted(name) + ", which is not one of: "
                        + String.join(", ", PARTS.keySet()) + ".");
            }
            if (!seen.add(name)) {
                throw refused("The part " + quoted(name) + " appears more than once in the form.");
            }
            return kind;
        }
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
}
