package io.mediamill.interfaces.web;

import java.util.Map;
import java.util.Optional;

/**
 * The only kinds of file {@code /media} serves, by the extension of names the service itself gave, with the
 * Content-Type each is served as. Neither the name nor the type ever comes from a client, and nothing that
 * a browser would run (HTML, SVG, script) is on the list.
 */
public final class MediaTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "m3u8", "application/vnd.apple.mpegurl",
            "mpd", "application/dash+xml",
            "m4s", "video/iso.segment",
            "mp4", "video/mp4",
            "m4a", "audio/mp4",
            "vtt", "text/vtt",
            "jpg", "image/jpeg",
            "png", "image/png",
            "webp", "image/webp");

    private MediaTypes() {
    }

    /** The Content-Type of a file name with a listed extension (exactly, lower case) after a non-empty base. */
    public static Optional<String> of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1)));
    }
}
