package io.mediamill.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.slideshow.Fit;
import io.mediamill.domain.model.slideshow.Slide;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlideshowPlanConverterTest {

    private final SlideshowPlanConverter converter = new SlideshowPlanConverter();

    @Test
    void aPlanWithEverythingComesBackEqual() {
        SlideshowPlan plan = new SlideshowPlan(1080, 1920, Fit.CONTAIN, "#102030", true, "Sommer \"Sale\" 夏 Лето",
                0.75, List.of(new Slide("image-00", "jpeg_pipe", 4000, 3000, 6, 2.5),
                        new Slide("image-01", "png_pipe", 640, 480, 1, 3)), List.of("circleopen"), "music", "mp3");

        String column = converter.convertToDatabaseColumn(plan);

        assertEquals(plan, converter.convertToEntityAttribute(column));
        assertTrue(column.contains("\"fit\":\"contain\""), "plain to read: " + column);
    }

    @Test
    void aPlanWithoutTitleOrMusicKeepsThemAbsent() {
        SlideshowPlan plan = new SlideshowPlan(1920, 1080, Fit.CONTAIN_BLUR, "black", false, null, 0.5,
                List.of(new Slide("image-00", "webp_pipe", 10, 10, 1, 3), new Slide("image-01", "webp_pipe", 10, 10, 1, 3)),
                List.of("fade"), null, null);

        SlideshowPlan back = converter.convertToEntityAttribute(converter.convertToDatabaseColumn(plan));

        assertEquals(plan, back);
        assertNull(back.title());
        assertEquals(false, back.hasAudio());
    }

    @Test
    void noPlanIsNoColumn() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
        assertNull(converter.convertToEntityAttribute(""));
    }
}
