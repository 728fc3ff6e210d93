package io.mediamill.application.slideshow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.slideshow.Fit;
import io.mediamill.domain.model.video.Visibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionOptionsTest {

    @Test
    void anEmptyFormTakesTheDefaults() {
        CompositionOptions options = CompositionOptions.parse(Map.of());

        assertNull(options.title());
        assertEquals(List.of(3.0), options.secondsPerImage());
        assertEquals("fade", options.transition());
        assertEquals(0.5, options.transitionSeconds());
        assertEquals(1080, options.width());
        assertEquals(1920, options.height());
        assertEquals(Fit.CONTAIN_BLUR, options.fit());
        assertEquals("black", options.background());
        assertFalse(options.kenBurns());
        assertEquals(Visibility.PRIVATE, options.visibility());
    }

    @Test
    void everyFieldIsRead() {
        CompositionOptions options = CompositionOptions.parse(Map.of("title", "  Новинка 新品  ", "secondsPerImage", "2, 4.5",
                "transition", "CircleOpen", "transitionSeconds", "0.75", "width", "1920", "height", "1080", "fit", "cover",
                "background", "#1a2B3c", "kenBurns", "on", "visibility", "unlisted"));

        assertEquals("Новинка 新品", options.title());
        assertEquals(List.of(2.0, 4.5), options.secondsPerImage());
        assertEquals("circleopen", options.transition());
        assertEquals(0.75, options.transitionSeconds());
        assertEquals(1920, options.width());
        assertEquals(1080, options.height());
        assertEquals(Fit.COVER, options.fit());
        assertEquals("#1a2B3c", options.background());
        assertTrue(options.kenBurns());
        assertEquals(Visibility.UNLISTED, options.visibility());
    }

    @Test
    void eachBadValueIsRefusedNamingItsField() {
        assertRefused("transition", Map.of("transition", "spin"), "\"spin\" is not a transition");
        assertRefused("transitionSeconds", Map.of("transitionSeconds", "0"), "above 0");
        assertRefused("transitionSeconds", Map.of("transitionSeconds", "-1"), "above 0");
        assertRefused("transitionSeconds", Map.of("transitionSeconds", "NaN"), "a number of seconds");
        assertRefused("secondsPerImage", Map.of("secondsPerImage", "3,0"), "not 0");
        assertRefused("secondsPerImage", Map.of("secondsPerImage", "3,,3"), "a number of seconds");
        assertRefused("secondsPerImage", Map.of("secondsPerImage", "Infinity"), "a number of seconds");
        assertRefused("secondsPerImage", Map.of("secondsPerImage", "61"), "at most 60");
        assertRefused("width", Map.of("width", "100000"), "from 128 to 1920");
        assertRefused("height", Map.of("height", "1079"), "even number");
        assertRefused("height", Map.of("height", "tall"), "whole number");
        assertRefused("fit", Map.of("fit", "stretch"), "contain-blur, cover, contain");
        assertRefused("background", Map.of("background", "red;drawtext=x"), "a colour");
        assertRefused("kenBurns", Map.of("kenBurns", "maybe"), "true or false");
        assertRefused("visibility", Map.of("visibility", "public"), "private");
        assertRefused("title", Map.of("title", "x".repeat(201)), "more than 200 characters");
        assertRefused("title", Map.of("title", "one\nline"), "one line");
    }

    @Test
    void aTitleIsMeasuredInCharactersNotUtf16Units() {
        String twoHundredEmoji = "😀".repeat(200);

        assertEquals(twoHundredEmoji, CompositionOptions.parse(Map.of("title", twoHundredEmoji)).title());
    }

    @Test
    void aBlankTitleIsNoTitle() {
        assertNull(CompositionOptions.parse(Map.of("title", "   ")).title());
    }

    @Test
    void oneTimeServesEveryImageOrEachImageHasItsOwn() {
        assertEquals(List.of(2.0, 2.0, 2.0), CompositionOptions.parse(Map.of("secondsPerImage", "2")).secondsFor(3));
        assertEquals(List.of(1.0, 2.0, 3.0), CompositionOptions.parse(Map.of("secondsPerImage", "1,2,3")).secondsFor(3));

        RefusedCompositionException refused = assertThrows(RefusedCompositionException.class,
                () -> CompositionOptions.parse(Map.of("secondsPerImage", "1,2")).secondsFor(3));
        assertEquals("secondsPerImage", refused.part());
        assertTrue(refused.getMessage().contains("2 values for 3 images"), refused.getMessage());
    }

    @Test
    void aQuotedValueIsPrintableAndShort() {
        RefusedCompositionException refused = assertThrows(RefusedCompositionException.class,
                () -> CompositionOptions.parse(Map.of("transition", "a\u0007" + "b".repeat(500))));

        assertTrue(refused.getMessage().contains("\"a?bbb"), refused.getMessage());
        assertFalse(refused.getMessage().contains("b".repeat(61)), refused.getMessage());
    }

    private static void assertRefused(String field, Map<String, String> fields, String saying) {
        RefusedCompositionException refused = assertThrows(RefusedCompositionException.class,
                () -> CompositionOptions.parse(fields), fields.toString());
        assertEquals(field, refused.part(), fields.toString());
        assertEquals(422, refused.status());
        assertTrue(refused.getMessage().contains(saying), fields + ": " + refused.getMessage());
    }
}
