package io.mediamill.infrastructure.storage;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/**
 * A file written in large blocks at given positions. Where the file system takes direct I/O (O_DIRECT), the
 * aligned middle of each block goes straight to the device and only the unaligned ends pass through the
 * page cache: an upload of gigabytes then costs no copy into cache memory and does not evict the segments
 * being served. Elsewhere (tmpfs, some network file systems) everything is written through the cache.
 */
final class BlockFile implements Closeable {

    private static final Logger LOG = Logger.getLogger(BlockFile.class.getName());
    private static volatile boolean directUnsupportedLogged;

    private final FileChannel cached;
    private FileChannel direct;
    private final int alignment;
    /** Aligned memory for direct writes, sized to the largest block written so far (a small PATCH needs little). */
    private ByteBuffer staging;

    private BlockFile(FileChannel cached, FileChannel direct, int alignment) {
        this.cached = cached;
        this.direct = direct;
        this.alignment = alignment;
    }

    /** Opens (creating if need be) a file for blocks of at most {@code maxBlock} bytes. */
    static BlockFile open(Path file, int maxBlock) throws IOException {
        return open(file, maxBlock, true);
    }

    static BlockFile open(Path file, int maxBlock, boolean directWanted) throws IOException {
        FileChannel cached = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            int alignment = (int) Files.getFileStore(file).getBlockSize();
            FileChannel direct = directWanted ? openDirect(file) : null;
            return direct == null || maxBlock % alignment != 0
                    ? new BlockFile(cached, closed(direct), 1)
                    : new BlockFile(cached, direct, alignment);
        } catch (IOException | RuntimeException e) {
            cached.close();
            throw e;
        }
    }

    private static FileChannel openDirect(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            if (!directUnsupportedLogged) {
                directUnsupportedLogged = true;
                LOG.info(() -> "uploads are written through the page cache: " + file.getParent() + " takes no direct I/O (" + e + ")");
            }
            return null;
        }
    }

    private static FileChannel closed(FileChannel channel) throws IOException {
        if (channel != null) {
            channel.close();
        }
        return null;
    }

    boolean direct() {
        return direct != null;
    }

    /** The file positions direct writes must start at; 1 when everything goes through the cache. */
    int alignment() {
        return alignment;
    }

    /** Writes the first {@code length} bytes of {@code block} at {@code position}. Not for concurrent use. */
    void write(byte[] block, int length, long position) throws IOException {
        long end = position + length;
        long alignedStart = Math.min(end, (position + alignment - 1) / alignment * alignment);
        long alignedEnd = Math.max(alignedStart, end / alignment * alignment);
        if (direct == null || alignedEnd == alignedStart) {
            writeFully(cached, ByteBuffer.wrap(block, 0, length), position);
            return;
        }
        int head = (int) (alignedStart - position);
        int middle = (int) (alignedEnd - alignedStart);
        writeFully(cached, ByteBuffer.wrap(block, 0, head), position);
        if (staging == null || staging.capacity() < middle) {
            staging = ByteBuffer.allocateDirect(middle + alignment).alignedSlice(alignment);
        }
        staging.clear();
        staging.put(block, head, middle).flip();
        try {
            writeFully(direct, staging, alignedStart);
        } catch (IOException refused) {
            // Some file systems open with O_DIRECT and then refuse the writes: go through the cache from here on.
            LOG.info(() -> "direct write refused, writing through the page cache instead: " + refused);
            direct.close();
            direct = null;
            writeFully(cached, ByteBuffer.wrap(block, head, middle), alignedStart);
        }
        writeFully(cached, ByteBuffer.wrap(block, head + middle, length - head - middle), alignedEnd);
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    @Override
    public void close() throws IOException {
        try (FileChannel ignored = cached) {
            if (direct != null) {
                direct.close();
            }
        }
    }
}
