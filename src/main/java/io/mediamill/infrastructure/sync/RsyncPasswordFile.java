package io.mediamill.infrastructure.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The daemons' shared secret in a file only this user can read: rsync takes it from there, never from a command line. */
final class RsyncPasswordFile {

    private RsyncPasswordFile() {
    }

    /** Writes {@code secret} to {@code file}, created afresh with mode 0600 so it is never readable by others. */
    static Path write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
