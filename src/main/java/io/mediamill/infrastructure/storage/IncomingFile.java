package io.mediamill.infrastructure.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of an upload already spooled onto the media volume. {@link MediaStorage#receive} recognises it
 * and moves the file instead of copying its bytes a second time.
 */
public final class IncomingFile extends FilterInputStream {

    private final Path path;

    public IncomingFile(Path path) throws IOException {
        super(Files.newInputStream(path));
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
