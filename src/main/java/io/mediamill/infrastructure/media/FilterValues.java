package io.mediamill.infrastructure.media;

/**
 * Escapes a value (a path, say) for an option inside an ffmpeg filtergraph, where it is parsed twice: once as
 * the option's value ({@code \ ' :} are special) and once as part of the graph ({@code \ ' [ ] , ;} are).
 * Media roots are configured by operators and may hold any of these.
 */
final class FilterValues {

    private FilterValues() {
    }

    static String escape(String value) {
        return escapeChars(escapeChars(value, "\\':"), "\\'[],;");
    }

    private static String escapeChars(String value, String special) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (special.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
