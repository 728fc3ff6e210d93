package io.mediamill.domain.model.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenditionLadderTest {

    @Test
    void fullHdSourceGetsEveryRungTallestFirst() {
        assertEquals(List.of(1080, 720, 480, 360, 240), heights(1080));
    }

    @Test
    void neverUpscales() {
        assertEquals(List.of(360, 240), heights(360));
        assertEquals(List.of(480, 360, 240), heights(719));
    }

    @Test
    void tinySourceGetsOneRungAtItsOwnEvenHeight() {
        assertEquals(List.of(144), heights(144));
        assertEquals(List.of(120), heights(121));
    }

    @Test
    void capsGrowWithHeight() {
        List<RenditionProfile> rungs = RenditionLadder.forSourceHeight(1080);
        for (int i = 1; i < rungs.size(); i++) {
            assertTrue(rungs.get(i - 1).maxRateKbps() > rungs.get(i).maxRateKbps());
        }
        assertEquals(15600, rungs.get(0).bufferKbps());
    }

    @Test
    void oddHeightsAreRefusedByTheProfile() {
        assertThrows(IllegalArgumentException.class, () -> new RenditionProfile(361, 23, 1000, 128));
    }

    private static List<Integer> heights(int sourceHeight) {
        return RenditionLadder.forSourceHeight(sourceHeight).stream().map(RenditionProfile::height).toList();
    }
}
