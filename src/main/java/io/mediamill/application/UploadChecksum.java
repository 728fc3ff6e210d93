package io.mediamill.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** The tus {@code Upload-Checksum} header: an algorithm and the Base64 digest of the request's body. */
public record UploadChecksum(String algorithm, byte[] expected) {

    /** tus names → Java names; sha1 is the one every tus client supports. */
    public static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256", "md5", "MD5");

    public static UploadChecksum parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.strip().split(" ", 2);
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.containsKey(algorithm) || parts.length < 2) {
            throw new ResumableUploadException(400, "Bad Request",
                    "Upload-Checksum must be \"<algorithm> <base64 digest>\" with one of " + ALGORITHMS.keySet() + ".");
        }
        try {
            return new UploadChecksum(algorithm, Base64.getDecoder().decode(parts[1].strip()));
        } catch (IllegalArgumentException e) {
            throw new ResumableUploadException(400, "Bad Request", "The Upload-Checksum digest is not Base64.");
        }
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHMS.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
