package io.mediamill.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessFilterTest {

    @Test
    void dotSegmentsAreFoundHoweverTheyAreSpelled() {
        assertTrue(AccessFilter.hasDotSegment("/static/../users.jsp"));
        assertTrue(AccessFilter.hasDotSegment("/static/%2e%2E/users.jsp"));
        assertTrue(AccessFilter.hasDotSegment("/static/./x.js"));
        assertTrue(AccessFilter.hasDotSegment("/static/..;/users.jsp"));
        assertTrue(AccessFilter.hasDotSegment("/media/.."));
    }

    @Test
    void ordinaryPathsPass() {
        assertFalse(AccessFilter.hasDotSegment("/static/library.js"));
        assertFalse(AccessFilter.hasDotSegment("/media/videos/ab/cd/x/.hidden"));
        assertFalse(AccessFilter.hasDotSegment("/media/videos/ab/cd/x/stream/seg-0-1.m4s"));
        assertFalse(AccessFilter.hasDotSegment("/api/videos/x..y"));
        assertFalse(AccessFilter.hasDotSegment("/"));
    }
}
