package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitleSizeTest {

    @Test
    void aShortTitleIsATwelfthOfTheShorterSide() {
        assertEquals(90, TitleSize.pixels("Sale", 1080, 1920));
        assertEquals(90, TitleSize.pixels("Sale", 1920, 1080));
    }

    @Test
    void aLongTitleShrinksToFitTheWidth() {
        String title = "Summer collection now in every store";

        // 31 letters of 0.6 em and 5 spaces of 0.3 em: 20.1 em in 972 pixels.
        assertEquals(48, TitleSize.pixels(title, 1080, 1920));
    }

    @Test
    void ideographsCountAsWholeEms() {
        assertTrue(TitleSize.pixels("夏季新品上市夏季新品上市夏季新品上市", 1080, 1920)
                < TitleSize.pixels("abcdefghijklmnopqr", 1080, 1920), "18 ideographs are wider than 18 letters");
    }

    @Test
    void nothingIsDrawnSmallerThanReadable() {
        assertEquals(12, TitleSize.pixels("x".repeat(200), 320, 240));
    }
}
