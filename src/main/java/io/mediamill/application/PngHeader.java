package io.mediamill.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The picture size a PNG declares, read from its first 24 bytes without decoding it: the format puts the
 * IHDR chunk first, right after the 8-byte signature, with the width and height as big-endian 32-bit
 * numbers after the chunk's length and type. Enough to refuse an image too large to overlay before
 * ffmpeg ever unpacks it.
 */
record PngHeader(long width, long height) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] IHDR = "IHDR".getBytes(StandardCharsets.US_ASCII);
    private static final int IHDR_LENGTH = 13;
    private static final int HEADER_BYTES = 24;

    /** The declared size, or empty when the stream does not start like a PNG (signature, then a valid IHDR). */
    static Optional<PngHeader> read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEADER_BYTES);
        if (head.length < HEADER_BYTES || !Arrays.equals(head, 0, 8, SIGNATURE, 0, 8)) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(head);
        if (bytes.getInt(8) != IHDR_LENGTH || !Arrays.equals(head, 12, 16, IHDR, 0, 4)) {
            return Optional.empty();
        }
        long width = Integer.toUnsignedLong(bytes.getInt(16));
        long height = Integer.toUnsignedLong(bytes.getInt(20));
        // The PNG specification allows neither a zero side nor one above 2^31 - 1.
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new PngHeader(width, height));
    }
}
