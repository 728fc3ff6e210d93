package io.mediamill.infrastructure.media;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps only the last {@code capacity} bytes written to it: ffmpeg can write megabytes to stderr, and only
 * the end says why it failed.
 */
final class TailOutputStream extends OutputStream {

    private final byte[] ring;
    private long written;

    TailOutputStream(int capacity) {
        this.ring = new byte[capacity];
    }

    @Override
    public synchronized void write(int b) {
        ring[(int) (written++ % ring.length)] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[offset + i];
        }
    }

    /** The kept bytes as text, starting at a line boundary when the beginning was cut off. */
    synchronized String tail() {
        int size = (int) Math.min(written, ring.length);
        byte[] ordered = new byte[size];
        int start = (int) (written % ring.length);
        if (written <= ring.length) {
            System.arraycopy(ring, 0, ordered, 0, size);
        } else {
            System.arraycopy(ring, start, ordered, 0, ring.length - start);
            System.arraycopy(ring, 0, ordered, ring.length - start, start);
        }
        String text = new String(ordered, StandardCharsets.UTF_8);
        if (written > ring.length) {
            int newline = text.indexOf('\n');
            text = newline >= 0 ? text.substring(newline + 1) : text;
        }
        return text.strip();
    }
}
