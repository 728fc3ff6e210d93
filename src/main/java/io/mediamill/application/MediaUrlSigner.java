package io.mediamill.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the tokens of signed media URLs: {@code <expiresEpochSeconds>.<signature>}, the signature
 * an HMAC-SHA256 (base64url, no padding) over the video id and the expiry. The token names no file, so one
 * token covers every file of its video and the relative URLs inside playlists stay valid under it.
 */
public final class MediaUrlSigner {

    /** What a token is worth for a video. */
    public enum Verdict {
        VALID,
        /** Signed by us for this video, but its time is up. */
        EXPIRED,
        /** Malformed, tampered with, or signed for another video or with another key. */
        INVALID
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;
    /**
     * Up to 12 digits of epoch seconds (no leading zero: one spelling per expiry), then the 43 characters of
     * an unpadded base64url SHA-256.
     */
    private static final Pattern TOKEN = Pattern.compile("([1-9]\\d{0,11})\\.([A-Za-z0-9_-]{43})");

    private final SecretKeySpec key;

    public MediaUrlSigner(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a media URL key has at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The token for every file of {@code videoId} until {@code expiresEpochSeconds}. */
    public String sign(String videoId, long expiresEpochSeconds) {
        return expiresEpochSeconds + "." + signature(videoId, expiresEpochSeconds);
    }

    public Verdict verify(String videoId, String token, Instant now) {
        Matcher parts = token == null ? null : TOKEN.matcher(token);
        if (parts == null || !parts.matches()) {
            return Verdict.INVALID;
        }
        long expires = Long.parseLong(parts.group(1));
        // Compared as text: a base64 spelling that decodes to the same bytes but is not ours is not accepted.
        byte[] presented = parts.group(2).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(videoId, expires).getBytes(StandardCharsets.US_ASCII);
        // Authenticity first: only a token we made may learn that it has expired.
        if (!MessageDigest.isEqual(presented, expected)) {
            return Verdict.INVALID;
        }
        return now.getEpochSecond() < expires ? Verdict.VALID : Verdict.EXPIRED;
    }

    /**
     * When a token made now should expire: {@code lifetime} from now, rounded down to a tenth of it, so that
     * the URLs of a video stay the same for a while (browsers and caches reuse what they fetched) and never
     * live longer than {@code lifetime}.
     */
    public static long expiry(Instant now, Duration lifetime) {
        long step = Math.max(1, lifetime.toSeconds() / 10);
        long expires = now.getEpochSecond() + lifetime.toSeconds();
        return expires - Math.floorMod(expires, step);
    }

    private String signature(String videoId, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // The newline cannot occur in a video id: no two (id, expiry) pairs share a message.
            byte[] hmac = mac.doFinal((videoId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
