package io.mediamill.infrastructure.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of an upload already spooled onto the media volume, with the SHA-256 computed while it was
 * written. {@link MediaStorage#receive} recognises it and moves the file instead of copying its bytes again.
 */
public final class IncomingFile extends FilterInputStream {

    private final Path path;
    private final String sha256;

    public IncomingFile(Path path, String sha256) throws IOException {
        super(Files.newInputStream(path));
        this.path = path;
        this.sha256 = sha256;
    }

    public Path path() {
        return path;
    }

    public String sha256() {
        return sha256;
    }
}
