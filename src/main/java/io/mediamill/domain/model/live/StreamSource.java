package io.mediamill.domain.model.live;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A network address ffmpeg reads a camera from, or pushes a relay to. Only network schemes are accepted, so
 * that a relay can never make ffmpeg read a local file ({@code file:}, {@code concat:}, {@code subfile:},
 * {@code pipe:} and the rest of ffmpeg's protocols are refused by name). Credentials in it (user info and
 * secret-looking query parameters) are never shown: {@link #masked()} and {@link #maskIn(String)} hide them.
 */
public record StreamSource(String url, URI uri) {

    private static final Set<String> SOURCE_SCHEMES = Set.of("rtsp", "rtsps", "rtmp", "rtmps", "srt", "udp", "http", "https");
    private static final Set<String> TARGET_SCHEMES = Set.of("rtmp", "rtmps");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)pass(word|phrase)?|pwd|token|secret|key|auth|sig(nature)?");
    private static final String HIDDEN = "***";
    private static final int MOST_CHARACTERS = 2000;

    public StreamSource {
        uri = uri == null ? URI.create(url) : uri;
    }

    /** A camera's address: rtsp(s)://, rtmp(s)://, srt://, udp:// or http(s)://, with a host. */
    public static StreamSource source(String url) {
        return parse("source", url, SOURCE_SCHEMES);
    }

    /** Where a relay pushes FLV to: an rtmp(s):// URL with a host. */
    public static StreamSource rtmpTarget(String url) {
        return parse("rtmpTarget", url, TARGET_SCHEMES);
    }

    private static StreamSource parse(String field, String url, Set<String> schemes) {
        if (url == null || url.isBlank()) {
            throw new RefusedSourceException(field, field + " is required");
        }
        if (url.length() > MOST_CHARACTERS || url.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '|')) {
            throw new RefusedSourceException(field, field + " must be one URL of at most " + MOST_CHARACTERS
                    + " characters, without spaces, control characters or '|'");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedSourceException(field, field + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new RefusedSourceException(field, field + " must be a " + String.join(", ", schemes.stream().sorted().toList())
                    + " URL" + (scheme.isEmpty() ? "" : ", not " + scheme + ":"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedSourceException(field, field + " needs a host name or address");
        }
        return new StreamSource(url, uri);
    }

    public String scheme() {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The host as written, without the brackets of an IPv6 literal. */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public boolean isRtsp() {
        return scheme().startsWith("rtsp");
    }

    /** The URL with its user info and secret query values replaced by {@code ***}, safe to show and log. */
    public String masked() {
        return maskIn(url);
    }

    /** {@code text} (an error message, a log line) with every credential of this URL replaced by {@code ***}. */
    public String maskIn(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : credentials()) {
            masked = masked.replace(secret, HIDDEN);
        }
        return masked;
    }

    /**
     * The raw user info (and, decoded, its parts) and the values of secret-looking query parameters, longest
     * first: what {@link #maskIn(String)} hides.
     */
    public List<String> credentials() {
        List<String> secrets = new ArrayList<>();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            secrets.add(userInfo);
            for (String part : userInfo.split(":", 2)) {
                addIfLong(secrets, part);
            }
            String decoded = uri.getUserInfo();
            if (decoded != null && !decoded.equals(userInfo)) {
                secrets.add(decoded);
                for (String part : decoded.split(":", 2)) {
                    addIfLong(secrets, part);
                }
            }
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                if (equals > 0 && SECRET_PARAMETER.matcher(parameter.substring(0, equals)).matches()) {
                    addIfLong(secrets, parameter.substring(equals + 1));
                }
            }
        }
        // Longest first, so that a part is never replaced inside a longer secret that holds it.
        secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return secrets;
    }

    /** Replacing a one-letter user name everywhere would garble the message; such names are hidden with the rest only. */
    private static void addIfLong(List<String> secrets, String part) {
        if (part.length() >= 3) {
            secrets.add(part);
        }
    }

    @Override
    public String toString() {
        return masked();
    }
}
