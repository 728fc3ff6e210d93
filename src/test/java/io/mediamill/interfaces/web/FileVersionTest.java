package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVersionTest {

    @TempDir
    Path dir;

    @Test
    void validatorsComeFromLengthAndWholeSeconds() throws IOException {
        Path file = Files.writeString(dir.resolve("a.mp4"), "0123456789");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-23T10:00:00.750Z")));

        FileVersion version = FileVersion.of(file);

        assertEquals(10, version.length());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli(), version.lastModifiedMillis());
        assertEquals("Mon, 23 Nov 2026 10:00:00 GMT", version.lastModifiedHeader());
        assertTrue(version.satisfiesIfRange(null), "no If-Range: the Range stands");
        assertTrue(version.satisfiesIfRange(version.etag()));
        assertTrue(version.satisfiesIfRange("Mon, 23 Nov 2026 10:00:00 GMT"));
        assertFalse(version.satisfiesIfRange("\"other\""));
        assertFalse(version.satisfiesIfRange("Mon, 23 Nov 2026 10:00:01 GMT"));
        assertFalse(version.satisfiesIfRange("yesterday"));
    }
}
