package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertEquals("passwd.mp4", FileNames.displayName("../../etc/passwd.mp4"));
        assertEquals("clip.mov", FileNames.displayName("C:\\Users\\me\\clip.mov"));
    }

    @Test
    void dropsControlCharactersAndKeepsNonLatinNames() {
        assertEquals("видео.mp4", FileNames.displayName("вид\u0000ео\n.mp4"));
        assertEquals("旅行 2026.mkv", FileNames.displayName("旅行 2026.mkv"));
    }

    @Test
    void nothingLeftIsNoName() {
        assertNull(FileNames.displayName("../"));
        assertNull(FileNames.displayName(".."));
        assertNull(FileNames.displayName(null));
    }

    @Test
    void longNamesAreCut() {
        assertEquals(255, FileNames.displayName("a".repeat(1000) + ".mp4").length());
    }

    @Test
    void baseNameIsTheDefaultTitle() {
        assertEquals("holiday", FileNames.baseName("holiday.mp4"));
        assertEquals(".hidden", FileNames.baseName(".hidden"));
    }
}
