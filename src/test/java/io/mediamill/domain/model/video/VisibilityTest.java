package io.mediamill.domain.model.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mediamill.domain.model.upload.UploadMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    @Test
    void clientsNameItInLowerCaseAndPrivateIsTheDefault() {
        assertEquals(Visibility.PRIVATE, Visibility.parse("private"));
        assertEquals(Visibility.UNLISTED, Visibility.parse(" Unlisted "));
        assertEquals(Visibility.PRIVATE, Visibility.parse(null));
        assertEquals(Visibility.PRIVATE, Visibility.parse(""));
        assertEquals("unlisted", Visibility.UNLISTED.label());
        assertThrows(IllegalArgumentException.class, () -> Visibility.parse("public"));
    }

    @Test
    void tusMetadataCarriesItAndIsRefusedWithAnUnknownValue() {
        assertEquals(Visibility.UNLISTED, UploadMetadata.parse("filename " + base64("a.mp4") + ",visibility "
                + base64("unlisted")).visibility());
        assertEquals(Visibility.PRIVATE, UploadMetadata.parse("filename " + base64("a.mp4")).visibility());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> UploadMetadata.parse("visibility " + base64("everyone")));
        assertEquals("The visibility must be \"private\" or \"unlisted\", not \"everyone\".", refused.getMessage());
    }

    @Test
    void aVideoStartsPrivate() {
        Video video = new Video(Video.newId(), "t", "t.mp4", "videos/x/original", 1, java.time.Instant.EPOCH);
        assertEquals(Visibility.PRIVATE, video.visibility());
        video.changeVisibility(Visibility.UNLISTED, java.time.Instant.EPOCH);
        assertEquals(Visibility.UNLISTED, video.visibility());
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
