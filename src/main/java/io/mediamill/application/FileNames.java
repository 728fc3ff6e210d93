package io.mediamill.application;

import java.util.regex.Pattern;

/** Makes client-supplied file names safe to keep and to show: no directories, no control characters, bounded length. */
public final class FileNames {

    private static final int MAX_LENGTH = 255;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private FileNames() {
    }

    /** The last path segment without control characters, or null when nothing is left. */
    public static String displayName(String clientName) {
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

    /** The name without its extension, as a default title. */
    static String baseName(String displayName) {
        int dot = displayName.lastIndexOf('.');
        return dot > 0 ? displayName.substring(0, dot) : displayName;
    }
}
