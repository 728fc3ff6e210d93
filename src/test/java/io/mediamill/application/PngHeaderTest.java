package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG header reader, and the watermark rules built on it. */
class PngHeaderTest {

    @TempDir
    Path dir;

    @Test
    void readsWidthAndHeightFromIhdr() throws IOException {
        assertEquals(Optional.of(new PngHeader(5000, 10)), read(png(5000, 10)));
        assertEquals(Optional.of(new PngHeader(1, 4096)), read(png(1, 4096)));
    }

    @Test
    void sidesAreUnsignedBigEndian() throws IOException {
        assertEquals(Optional.of(new PngHeader(0x01020304L, 0x7fffffffL)), read(png(0x01020304, 0x7fffffff)));
    }

    @Test
    void whatDoesNotStartLikeAPngIsNone() throws IOException {
        byte[] valid = png(64, 64);
        assertEquals(Optional.empty(), read("GIF89a and then some more bytes".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), read(Arrays.copyOf(valid, 23)), "cut inside IHDR");
        assertEquals(Optional.empty(), read(new byte[0]));
        byte[] otherChunk = valid.clone();
        otherChunk[12] = 'g';
        assertEquals(Optional.empty(), read(otherChunk), "first chunk is not IHDR");
        byte[] wrongLength = valid.clone();
        wrongLength[11] = 12;
        assertEquals(Optional.empty(), read(wrongLength), "IHDR is always 13 bytes");
        assertEquals(Optional.empty(), read(png(0, 10)), "a zero side is not a PNG");
        assertEquals(Optional.empty(), read(png(-1, 10)), "sides above 2^31-1 are not a PNG");
    }

    @Test
    void aWatermarkWithinTheLimitsPasses() throws IOException {
        WatermarkImage.check(file(png(4096, 4096)));
    }

    @Test
    void aWatermarkTooLargeInPixelsIs422() throws IOException {
        InvalidUploadException refused = assertThrows(InvalidUploadException.class, () -> WatermarkImage.check(file(png(4097, 10))));

        assertEquals(422, refused.status());
        assertTrue(refused.getMessage().contains("4097x10"), refused.getMessage());
    }

    @Test
    void aWatermarkTooLargeInBytesIs422() throws IOException {
        byte[] large = Arrays.copyOf(png(64, 64), (int) WatermarkImage.MAX_BYTES + 1);

        InvalidUploadException refused = assertThrows(InvalidUploadException.class, () -> WatermarkImage.check(file(large)));

        assertEquals(422, refused.status());
    }

    @Test
    void aWatermarkThatIsNoPngIs400() throws IOException {
        InvalidUploadException refused = assertThrows(InvalidUploadException.class,
                () -> WatermarkImage.check(file("not a picture".getBytes(StandardCharsets.US_ASCII))));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("PNG"), refused.getMessage());
    }

    /** The first bytes of a PNG: signature, then an IHDR chunk declaring the size (rest of the file left out). */
    private static byte[] png(int width, int height) {
        ByteBuffer bytes = ByteBuffer.allocate(33);
        bytes.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        bytes.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        bytes.put(new byte[] {8, 6, 0, 0, 0}).putInt(0);
        return bytes.array();
    }

    private static Optional<PngHeader> read(byte[] bytes) throws IOException {
        return PngHeader.read(new ByteArrayInputStream(bytes));
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("mark-" + System.nanoTime() + ".png"), bytes);
    }
}
