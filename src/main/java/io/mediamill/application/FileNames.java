package io.mediamill.application;

import java.util.Locale;
import java.util.regex.Pattern;

/** Makes client-supplied file names safe to keep and to show: no directories, no control characters, bounded length. */
final class FileNames {

    private static final int MAX_LENGTH = 255;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

    private FileNames() {
    }

    /** The last path segment without control characters, or null when nothing is left. */
    static String displayName(String clientName) {
        if (clientName == null) {
            return null;
        }
        String name = clientName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = CONTROL.matcher(name).replaceAll("").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }

    /** The lower-case extension when it is short and plain, else "bin"; ffprobe, not the name, decides what it is. */
    static String extension(String displayName) {
        if (displayName == null) {
            return "bin";
        }
        int dot = displayName.lastIndexOf('.');
        String extension = dot < 0 ? "" : displayName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(extension).matches() ? extension : "bin";
    }

    /** The name without its extension, as a default title. */
    static String baseName(String displayName) {
        int dot = displayName.lastIndexOf('.');
        return dot > 0 ? displayName.substring(0, dot) : displayName;
    }
}
