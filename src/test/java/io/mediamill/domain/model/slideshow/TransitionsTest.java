package io.mediamill.domain.model.slideshow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    @Test
    void aChosenTransitionIsUsedForEveryJoin() {
        assertEquals(List.of("wipeleft", "wipeleft", "wipeleft"), Transitions.forJoins("wipeleft", 3, 1));
    }

    @Test
    void randomDrawsFromTheListTheSameWayForTheSameSeed() {
        List<String> drawn = Transitions.forJoins(Transitions.RANDOM, 40, 42);

        assertEquals(drawn, Transitions.forJoins(Transitions.RANDOM, 40, 42), "a resumed composition draws the same");
        assertTrue(Transitions.NAMES.containsAll(drawn));
        assertTrue(new HashSet<>(drawn).size() > 5, "random varies: " + drawn);
    }

    @Test
    void onlyTheListAndRandomAreKnown() {
        assertTrue(Transitions.isKnown("circleopen"));
        assertTrue(Transitions.isKnown("random"));
        assertFalse(Transitions.isKnown("custom"), "custom takes expressions from the client");
        assertFalse(Transitions.isKnown("Fade"));
    }
}
