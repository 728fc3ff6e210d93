package io.mediamill.domain.model.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LadderPlanTest {

    private static SourceFacts compliant720() {
        return new SourceFacts(1280, 720, "h264", "yuv420p", 0, 3_000_000L, true, "aac", false);
    }

    @Test
    void compliantSourceIsCopiedForItsOwnRungAndOnlyLowerRungsEncoded() {
        LadderPlan plan = LadderPlan.forSource(compliant720());

        assertTrue(plan.fastPath());
        assertEquals(List.of(720, 480, 360, 240), plan.rungs().stream().map(r -> r.profile().height()).toList());
        assertTrue(plan.rungs().get(0).copy());
        assertEquals(3, plan.encodedRungs().size());
        assertTrue(plan.audio());
    }

    @Test
    void aCompliantSourceBetweenRungsIsCopiedAtItsOwnHeight() {
        LadderPlan plan = LadderPlan.forSource(new SourceFacts(1244, 700, "h264", "yuv420p", 0, 1_000_000L, false, null, false));

        assertEquals(List.of(700, 360, 240), plan.rungs().stream().map(r -> r.profile().height()).toList());
        assertFalse(plan.audio());
    }

    @Test
    void anythingOutsideTheRulesIsEncoded() {
        SourceFacts c = compliant720();
        List<SourceFacts> notCompliant = List.of(
                new SourceFacts(1280, 720, "hevc", "yuv420p", 0, 3_000_000L, true, "aac", false),
                new SourceFacts(1280, 720, "h264", "yuv422p", 0, 3_000_000L, true, "aac", false),
                new SourceFacts(720, 1280, "h264", "yuv420p", 90, 3_000_000L, true, "aac", false),
                new SourceFacts(1280, 720, "h264", "yuv420p", 0, 3_000_000L, true, "mp3", false),
                new SourceFacts(1280, 720, "h264", "yuv420p", 0, 9_000_000L, true, "aac", false),
                new SourceFacts(1280, 720, "h264", "yuv420p", 0, null, true, "aac", false),
                new SourceFacts(1280, 720, "h264", "yuv420p", 0, 3_000_000L, true, "aac", true),
                new SourceFacts(1279, 720, "h264", "yuv420p", 0, 3_000_000L, true, "aac", false));
        for (SourceFacts source : notCompliant) {
            assertFalse(LadderPlan.forSource(source).fastPath(), source.toString());
        }
        assertTrue(LadderPlan.forSource(c).fastPath());
    }

    @Test
    void soundWithoutPicturesHasOnlyAudio() {
        LadderPlan plan = LadderPlan.forSource(new SourceFacts(0, 0, null, null, 0, 128_000L, true, "mp3", false));

        assertFalse(plan.hasVideo());
        assertTrue(plan.audio());
    }
}
