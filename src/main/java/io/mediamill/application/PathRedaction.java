package io.mediamill.application;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes server paths out of words meant for users. ffprobe and ffmpeg begin their complaints with the path
 * they were given, which says where the media volume is and how files are kept on it. A user sees the name
 * of their own file instead of the stored one, a path relative to the video's folder (such as
 * {@code stream/manifest.mpd}) for any other file of the video, a path relative to the volume for the rest
 * of it. Operators keep the raw words: the callers log them before redacting.
 */
final class PathRedaction {

    /** A path ends where no more of a file name follows (a full stop may end the sentence). */
    private static final String END_OF_NAME = "(?![\\w-]|\\.[\\w-])";

    private final List<Replacement> replacements = new ArrayList<>();

    /**
     * @param mediaRoot the media volume
     * @param folder    the video's folder, or null for a file not yet committed to one
     * @param file      the uploaded file as stored
     * @param fileName  the name the uploader gave it, or null when they gave none
     */
    PathRedaction(Path mediaRoot, Path folder, Path file, String fileName) {
        // Most specific first: the file is inside the folder, the folder inside the volume.
        replacements.add(new Replacement(Pattern.quote(file.toString()) + END_OF_NAME,
                fileName == null ? "the uploaded file" : fileName));
        if (folder != null) {
            replacements.add(new Replacement(Pattern.quote(folder + "/"), ""));
            replacements.add(new Replacement(Pattern.quote(folder.toString()) + END_OF_NAME, "the video's folder"));
        }
        replacements.add(new Replacement(Pattern.quote(mediaRoot + "/"), ""));
        replacements.add(new Replacement(Pattern.quote(mediaRoot.toString()) + END_OF_NAME, "the media volume"));
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (Replacement replacement : replacements) {
            redacted = replacement.pattern().matcher(redacted).replaceAll(replacement.with());
        }
        return redacted;
    }

    private record Replacement(Pattern pattern, String with) {

        Replacement(String regex, String replacement) {
            this(Pattern.compile(regex), Matcher.quoteReplacement(replacement));
        }
    }
}
