package io.mediamill.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScrapeTokenTest {

    private final ScrapeToken token = new ScrapeToken("s3cret-scrape-token");

    @Test
    void opensOnlyForTheConfiguredBearerToken() {
        assertTrue(token.matches("Bearer s3cret-scrape-token"));
        assertTrue(token.matches("bearer  s3cret-scrape-token "), "the scheme is case-insensitive");
        assertFalse(token.matches("Bearer s3cret-scrape-toke"));
        assertFalse(token.matches("Bearer s3cret-scrape-token2"));
        assertFalse(token.matches("Bearer "));
        assertFalse(token.matches("Basic s3cret-scrape-token"));
        assertFalse(token.matches("s3cret-scrape-token"));
        assertFalse(token.matches(null));
    }

    @Test
    void opensForNobodyWhenNoneIsConfigured() {
        ScrapeToken none = new ScrapeToken((String) null);

        assertFalse(none.matches("Bearer "));
        assertFalse(none.matches("Bearer null"));
    }
}
