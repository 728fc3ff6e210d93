package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void closedRange() {
        assertEquals(new ByteRange(0, 99), satisfiable("bytes=0-99", 1000));
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
        assertEquals(100, new ByteRange(0, 99).length());
    }

    @Test
    void openRangeRunsToTheEnd() {
        assertEquals(new ByteRange(500, 999), satisfiable("bytes=500-", 1000));
    }

    @Test
    void endBeyondTheFileIsClamped() {
        assertEquals(new ByteRange(900, 999), satisfiable("bytes=900-5000", 1000));
    }

    @Test
    void suffixRangeIsTheLastBytes() {
        assertEquals(new ByteRange(900, 999), satisfiable("bytes=-100", 1000));
        assertEquals(new ByteRange(0, 999), satisfiable("bytes=-5000", 1000));
    }

    @Test
    void startBeyondTheEndIsUnsatisfiable() {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=1000-", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=-0", 1000));
    }

    @Test
    void whatWeDoNotServeAsARangeIsIgnored() {
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.parse(null, 1000));
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.parse("bytes=0-1,5-6", 1000));
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.parse("items=0-1", 1000));
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.parse("bytes=9-1", 1000));
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.parse("bytes=-", 1000));
        assertInstanceOf(ByteRange.Ignored.class, ByteRange.parse("bytes=99999999999999999999-", 1000));
    }

    private static ByteRange satisfiable(String header, long length) {
        return assertInstanceOf(ByteRange.Satisfiable.class, ByteRange.parse(header, length)).range();
    }
}
