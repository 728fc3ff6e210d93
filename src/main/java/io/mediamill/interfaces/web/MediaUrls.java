package io.mediamill.interfaces.web;

import io.mediamill.application.MediaAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs of media files, made and read here only. A plain URL is {@code /media/<path on the volume>}; a
 * signed one carries its token as a path segment, {@code /media/s/<token>/<path on the volume>}, so the
 * relative URLs inside HLS and DASH playlists and the storyboard track resolve under the same token.
 */
@ApplicationScoped
public class MediaUrls {

    static final String PREFIX = "/media/";
    private static final String SIGNED = "s/";
    private static final Pattern SIGNED_PATH = Pattern.compile("/" + SIGNED + "([^/]+)/(.+)");

    /** What a request under /media names: a path on the volume, and the token when the URL is signed. */
    record Requested(String token, String relativePath) {
    }

    @Inject
    MediaAccess access;

    /** The plain URL of each file: for the pages, whose session cookie says who asks. */
    public static UnaryOperator<String> plain() {
        return relativePath -> relativePath == null ? null : PREFIX + relativePath;
    }

    /** The signed URL of each file of one video: one token, made now, for all of them. */
    public UnaryOperator<String> signedFor(String videoId) {
        String token = access.token(videoId);
        return relativePath -> relativePath == null ? null : PREFIX + SIGNED + token + "/" + relativePath;
    }

    /** The servlet's path info ({@code /s/<token>/videos/...} or {@code /videos/...}) taken apart. */
    static Optional<Requested> parse(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return Optional.empty();
        }
        Matcher signed = SIGNED_PATH.matcher(pathInfo);
        if (signed.matches()) {
            return Optional.of(new Requested(signed.group(1), signed.group(2)));
        }
        return pathInfo.startsWith("/" + SIGNED)
                ? Optional.empty()
                : Optional.of(new Requested(null, pathInfo.substring(1)));
    }
}
