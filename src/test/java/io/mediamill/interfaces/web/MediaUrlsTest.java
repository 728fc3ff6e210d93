package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaUrlsTest {

    @Test
    void plainAndSignedPathsAreTakenApart() {
        assertEquals(Optional.of(new MediaUrls.Requested(null, "videos/ab/cd/abcd/poster.jpg")),
                MediaUrls.parse("/videos/ab/cd/abcd/poster.jpg"));
        assertEquals(Optional.of(new MediaUrls.Requested("123.sig", "videos/ab/cd/abcd/stream/master.m3u8")),
                MediaUrls.parse("/s/123.sig/videos/ab/cd/abcd/stream/master.m3u8"));
    }

    @Test
    void aSignedPrefixWithoutTokenOrPathIsNothing() {
        for (String path : new String[] {null, "", "/", "/s/", "/s/123.sig", "/s/123.sig/", "/s//videos/x"}) {
            assertEquals(Optional.empty(), MediaUrls.parse(path), String.valueOf(path));
        }
    }
}
