package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceMediaTest {

    @Test
    void widthFollowsFfmpegsEvenRounding() {
        SourceMedia wide = new SourceMedia("id", Path.of("s"), 640, 360, 1.0);
        SourceMedia portrait = new SourceMedia("id", Path.of("s"), 360, 640, 1.0);

        assertEquals(426, wide.widthAtHeight(240));
        assertEquals(1280, wide.widthAtHeight(720));
        assertEquals(136, portrait.widthAtHeight(240));
    }
}
