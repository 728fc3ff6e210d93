package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TailOutputStreamTest {

    @Test
    void keepsEverythingWhileItFits() {
        TailOutputStream tail = new TailOutputStream(64);
        tail.write("line one\nline two\n".getBytes(StandardCharsets.UTF_8), 0, 18);

        assertEquals("line one\nline two", tail.tail());
    }

    @Test
    void keepsOnlyTheLastBytesStartingAtALineBoundary() {
        TailOutputStream tail = new TailOutputStream(16);
        byte[] text = "first line\nsecond\nlast line\n".getBytes(StandardCharsets.UTF_8);
        tail.write(text, 0, text.length);

        assertEquals("last line", tail.tail());
    }
}
