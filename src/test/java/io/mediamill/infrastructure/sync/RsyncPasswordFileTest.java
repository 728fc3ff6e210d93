package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RsyncPasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void holdsTheSecretReadableByThisUserOnlyEvenWhenAnOpenFileWasThere() throws Exception {
        Path file = dir.resolve("run").resolve("rsync.secret");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        RsyncPasswordFile.write(file, "s3cret");

        assertEquals("s3cret\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
