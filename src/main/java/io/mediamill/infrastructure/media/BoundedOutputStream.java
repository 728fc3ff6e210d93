package io.mediamill.infrastructure.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Collects a program's standard output up to a limit; beyond it the run fails rather than exhausting the heap. */
final class BoundedOutputStream extends OutputStream {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final int limit;

    BoundedOutputStream(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        ensureRoom(1);
        buffer.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        ensureRoom(length);
        buffer.write(bytes, offset, length);
    }

    private void ensureRoom(int length) throws IOException {
        if (buffer.size() + length > limit) {
            throw new IOException("output exceeds " + limit + " bytes");
        }
    }

    synchronized String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
