package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediamill.domain.model.video.SourceFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceMediaTest {

    @Test
    void widthFollowsFfmpegsEvenRounding() {
        assertEquals(426, source(640, 360).widthAtHeight(240));
        assertEquals(1280, source(640, 360).widthAtHeight(720));
        assertEquals(136, source(360, 640).widthAtHeight(240));
    }

    private static SourceMedia source(int width, int height) {
        return new SourceMedia("id", AcceptedFormats.upload(Path.of("s")), new SourceFacts(width, height, "h264", "yuv420p", 0, 1L, false, null, false),
                1.0, null);
    }
}
