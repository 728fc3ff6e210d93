package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.application.MediaUrlSigner.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MediaUrlSignerTest {

    private static final String VIDEO = "ab12cd34-0000-4000-8000-000000000001";
    private static final String OTHER_VIDEO = "ab12cd34-0000-4000-8000-000000000002";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final long LATER = NOW.getEpochSecond() + 600;

    private final MediaUrlSigner signer = new MediaUrlSigner(key('k'));

    @Test
    void aTokenIsValidForItsVideoUntilItExpires() {
        String token = signer.sign(VIDEO, LATER);

        assertTrue(token.matches(LATER + "\\.[A-Za-z0-9_-]{43}"), token);
        assertEquals(Verdict.VALID, signer.verify(VIDEO, token, NOW));
        assertEquals(Verdict.VALID, signer.verify(VIDEO, token, Instant.ofEpochSecond(LATER - 1)));
        assertEquals(token, signer.sign(VIDEO, LATER), "the same video and expiry give the same token");
    }

    @Test
    void aTokenOfAnotherVideoOrKeyIsInvalid() {
        String token = signer.sign(VIDEO, LATER);

        assertEquals(Verdict.INVALID, signer.verify(OTHER_VIDEO, token, NOW));
        assertEquals(Verdict.INVALID, new MediaUrlSigner(key('x')).verify(VIDEO, token, NOW));
    }

    @Test
    void aTamperedTokenIsInvalid() {
        String token = signer.sign(VIDEO, LATER);
        String signature = token.substring(token.indexOf('.') + 1);

        assertEquals(Verdict.INVALID, signer.verify(VIDEO, (LATER + 3600) + "." + signature, NOW), "expiry moved");
        char[] flipped = signature.toCharArray();
        flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
        assertEquals(Verdict.INVALID, signer.verify(VIDEO, LATER + "." + new String(flipped), NOW), "signature changed");
        assertEquals(Verdict.INVALID, signer.verify(VIDEO, "0" + token, NOW), "a second spelling of the expiry");
    }

    @Test
    void anAuthenticTokenPastItsTimeIsExpired() {
        String token = signer.sign(VIDEO, LATER);

        assertEquals(Verdict.EXPIRED, signer.verify(VIDEO, token, Instant.ofEpochSecond(LATER)));
        assertEquals(Verdict.EXPIRED, signer.verify(VIDEO, token, Instant.ofEpochSecond(LATER + 86_400)));
        assertEquals(Verdict.INVALID, signer.verify(OTHER_VIDEO, token, Instant.ofEpochSecond(LATER + 1)),
                "only our own token for this video learns that it expired");
    }

    @Test
    void malformedTokensAreInvalid() {
        String signature = signer.sign(VIDEO, LATER).substring(String.valueOf(LATER).length() + 1);
        for (String token : new String[] {null, "", ".", "abc", LATER + ".", "." + signature, LATER + signature,
                LATER + "." + signature + "=", LATER + "." + signature.substring(1), "-1." + signature,
                "1234567890123." + signature, LATER + "." + signature.replace(signature.charAt(0), '+'),
                LATER + "." + signature + "/x"}) {
            assertEquals(Verdict.INVALID, signer.verify(VIDEO, token, NOW), String.valueOf(token));
        }
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MediaUrlSigner(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new MediaUrlSigner(null));
    }

    @Test
    void expiryIsTheLifetimeRoundedDownToATenthOfIt() {
        Duration sixHours = Duration.ofHours(6);
        long expiry = MediaUrlSigner.expiry(NOW, sixHours);

        assertEquals(0, expiry % 2160);
        assertTrue(expiry <= NOW.plus(sixHours).getEpochSecond());
        assertTrue(expiry > NOW.plus(sixHours).getEpochSecond() - 2160);
        assertEquals(expiry, MediaUrlSigner.expiry(NOW.plusSeconds(1), sixHours), "URLs stay the same for a while");
        assertNotEquals(expiry, MediaUrlSigner.expiry(NOW.plusSeconds(2160), sixHours));
        assertEquals(NOW.getEpochSecond() + 5, MediaUrlSigner.expiry(NOW, Duration.ofSeconds(5)), "short lifetimes exact");
    }

    private static byte[] key(char fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
