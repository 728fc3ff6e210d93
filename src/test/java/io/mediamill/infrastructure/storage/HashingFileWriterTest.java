package io.mediamill.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HashingFileWriterTest {

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void writesTheBytesAtTheirOffsetAndHashesThemInOrder() throws Exception {
        Path file = dir.resolve("upload.tus");
        byte[] earlier = bytes(5_000, 1);
        Files.write(file, earlier);
        byte[] body = bytes(3 * HashingFileWriter.BLOCK + 777, 2);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");

        HashingFileWriter.Outcome outcome = new HashingFileWriter(pool)
                .write(new TrickleStream(body), file, earlier.length, body.length, List.of(sha256, sha1));

        assertEquals(body.length, outcome.written());
        assertFalse(outcome.overLimit());
        assertFalse(outcome.cut());
        assertArrayEquals(concat(earlier, body), Files.readAllBytes(file));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), sha256.digest());
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(body), sha1.digest());
    }

    @Test
    void stopsAtTheLimitAndSaysSo() throws Exception {
        Path file = dir.resolve("upload.tus");
        byte[] body = bytes(HashingFileWriter.BLOCK + 10, 3);
        long limit = HashingFileWriter.BLOCK;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");

        HashingFileWriter.Outcome outcome = new HashingFileWriter(pool)
                .write(new ByteArrayInputStream(body), file, 0, limit, List.of(sha256));

        assertTrue(outcome.overLimit());
        assertEquals(limit, outcome.written());
        assertArrayEquals(Arrays.copyOf(body, (int) limit), Files.readAllBytes(file));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(body, (int) limit)), sha256.digest());
    }

    @Test
    void keepsWhatArrivedBeforeTheConnectionBroke() throws Exception {
        Path file = dir.resolve("upload.tus");
        byte[] body = bytes(2 * HashingFileWriter.BLOCK + 4_321, 4);
        IOException reset = new IOException("Connection reset by peer");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");

        HashingFileWriter.Outcome outcome = new HashingFileWriter(pool)
                .write(new BreakingStream(body, reset), file, 0, Long.MAX_VALUE, List.of(sha256));

        assertTrue(outcome.cut());
        assertSame(reset, outcome.connectionLost());
        assertEquals(body.length, outcome.written());
        assertArrayEquals(body, Files.readAllBytes(file));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), sha256.digest());
    }

    @Test
    void aSaturatedPoolMakesTheReadingThreadDoTheWork() throws Exception {
        Path file = dir.resolve("upload.tus");
        byte[] body = bytes(HashingFileWriter.BLOCK * 2 + 1, 5);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");

        HashingFileWriter.Outcome outcome = new HashingFileWriter(task -> {
            throw new RejectedExecutionException("full");
        }).write(new ByteArrayInputStream(body), file, 0, Long.MAX_VALUE, List.of(sha256));

        assertEquals(body.length, outcome.written());
        assertArrayEquals(body, Files.readAllBytes(file));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), sha256.digest());
    }

    @Test
    void aFileThatCannotBeWrittenIsAnError() {
        Path nowhere = dir.resolve("missing/upload.tus");

        assertThrows(UncheckedIOException.class, () -> new HashingFileWriter(pool)
                .write(new ByteArrayInputStream(new byte[10]), nowhere, 0, 10, List.of()));
    }

    /** Linux's /dev/full fails every write with ENOSPC: a volume that is full, without filling one. */
    @Test
    void aFullVolumeIsInsufficientStorage() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");

        InsufficientStorageException refused = assertThrows(InsufficientStorageException.class, () -> new HashingFileWriter(pool)
                .write(new ByteArrayInputStream(bytes(100_000, 7)), full, 0, 100_000, List.of()));

        assertTrue(InsufficientStorageException.isOutOfSpace((IOException) refused.getCause()), refused.getCause().toString());
    }

    @Test
    void otherWriteFailuresAreNotMistakenForAFullVolume() {
        assertFalse(InsufficientStorageException.isOutOfSpace(new IOException("Input/output error")));
        assertFalse(InsufficientStorageException.isOutOfSpace(new IOException()));
        assertTrue(InsufficientStorageException.isOutOfSpace(
                new java.nio.file.FileSystemException("/media/incoming/x", null, "Disk quota exceeded")));
    }

    @Test
    void blocksLandWhereTheyBelongWithAndWithoutDirectIo() throws IOException {
        for (boolean direct : new boolean[] {true, false}) {
            Path file = dir.resolve("blocks-" + direct);
            byte[] expected = bytes(3 * 8192 + 100, 6);
            try (BlockFile out = BlockFile.open(file, 8192, direct)) {
                // An unaligned head, an aligned block, a block with an unaligned tail, and one smaller than alignment.
                out.write(Arrays.copyOfRange(expected, 0, 1000), 1000, 0);
                out.write(Arrays.copyOfRange(expected, 1000, 9192), 8192, 1000);
                out.write(Arrays.copyOfRange(expected, 9192, 9192 + 8000), 8000, 9192);
                out.write(Arrays.copyOfRange(expected, 17192, expected.length), expected.length - 17192, 17192);
                if (direct) {
                    assertTrue(out.direct(), "this test's file system should take direct I/O");
                } else {
                    assertEquals(1, out.alignment());
                }
            }
            assertArrayEquals(expected, Files.readAllBytes(file), "direct I/O " + direct);
        }
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Hands out bytes in uneven small pieces, as a socket does. */
    private static class TrickleStream extends InputStream {
        private final byte[] bytes;
        private int position;
        private int piece;

        TrickleStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (position == bytes.length) {
                return -1;
            }
            piece = piece % 70_000 + 9_973;
            int count = Math.min(Math.min(length, piece), bytes.length - position);
            System.arraycopy(bytes, position, into, offset, count);
            position += count;
            return count;
        }
    }

    /** Gives all its bytes, then fails like a dropped connection instead of ending. */
    private static final class BreakingStream extends TrickleStream {
        private final IOException failure;
        private boolean drained;

        BreakingStream(byte[] bytes, IOException failure) {
            super(bytes);
            this.failure = failure;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int count = drained ? -1 : super.read(into, offset, length);
            if (count < 0) {
                drained = true;
                throw failure;
            }
            return count;
        }
    }
}
