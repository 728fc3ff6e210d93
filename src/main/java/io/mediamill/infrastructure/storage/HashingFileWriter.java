package io.mediamill.infrastructure.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies an upload's bytes from the network into a file at a position and feeds them to digests on the
 * way. The request's thread only reads: each block it fills is hashed and written on other threads while
 * it reads the next, because on a fast link SHA-256 alone costs as much CPU as receiving. Writing goes
 * around the page cache where the file system allows (see {@link BlockFile}). A few blocks in flight bound
 * the memory an upload takes, whatever its size; a slow sender needs only two.
 */
public final class HashingFileWriter {

    /** What arrived: how many bytes were written, and why it stopped early, if it did. */
    public record Outcome(long written, boolean overLimit, IOException connectionLost) {

        public boolean cut() {
            return connectionLost != null;
        }
    }

    static final int BLOCK = 1024 * 1024;
    static final int BLOCKS_IN_FLIGHT = 4;

    private final Executor executor;

    public HashingFileWriter(Executor executor) {
        this.executor = executor;
    }

    /**
     * Writes {@code in} into {@code file} from {@code position} on until the stream ends, breaks, or would
     * go past {@code limit} bytes: then what is within the limit is written and {@code overLimit} is set.
     * When this returns, every digest has seen exactly the bytes written, in order, and they are in the file.
     *
     * @throws InsufficientStorageException when the volume runs out of space (part of the bytes may be in the file)
     */
    public Outcome write(InputStream in, Path file, long position, long limit, List<MessageDigest> digests) {
        try (BlockFile out = BlockFile.open(file, BLOCK)) {
            return new Transfer(out, digests).run(in, position, limit);
        } catch (IOException e) {
            if (InsufficientStorageException.isOutOfSpace(e)) {
                throw new InsufficientStorageException("The media volume ran out of space while the upload was being stored."
                        + " Try again later.", e);
            }
            throw new UncheckedIOException("could not write " + file.getFileName() + " on the media volume: " + e.getMessage(), e);
        }
    }

    /** One upload's pipeline: the reading loop, a chain of hash steps and a chain of write steps. */
    private final class Transfer {

        private final BlockFile out;
        private final List<MessageDigest> digests;
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS_IN_FLIGHT);
        private int allocated;
        private CompletableFuture<Void> hashed = CompletableFuture.completedFuture(null);
        private CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);
        private volatile IOException writeFailure;

        Transfer(BlockFile out, List<MessageDigest> digests) {
            this.out = out;
            this.digests = digests;
        }

        Outcome run(InputStream in, long position, long limit) throws IOException {
            long read = 0;
            try {
                // The first block ends where the file's blocks do, so every later one starts aligned.
                int wanted = BLOCK - (int) (position % out.alignment());
                while (writeFailure == null) {
                    byte[] block = nextFreeBlock();
                    // One byte past the limit is read, to tell a body that fits exactly from one that runs over.
                    long room = limit - read;
                    Fill fill = fill(in, block, room >= wanted ? wanted : (int) room + 1);
                    int length = (int) Math.min(fill.length(), limit - read);
                    if (length > 0) {
                        dispatch(block, length, position + read);
                        read += length;
                    } else {
                        free.add(block);
                    }
                    boolean overLimit = fill.length() > length;
                    if (fill.ended() || overLimit || fill.connectionLost() != null) {
                        awaitBoth();
                        return new Outcome(read, overLimit, fill.connectionLost());
                    }
                    wanted = BLOCK;
                }
                awaitBoth();
                throw writeFailure;
            } catch (RuntimeException e) {
                awaitQuietly();
                throw e;
            }
        }

        private void dispatch(byte[] block, int length, long at) {
            AtomicInteger users = new AtomicInteger(2);
            Runnable release = () -> {
                if (users.decrementAndGet() == 0) {
                    free.add(block);
                }
            };
            hashed = hashed.thenRunAsync(() -> {
                try {
                    digests.forEach(digest -> digest.update(block, 0, length));
                } finally {
                    release.run();
                }
            }, this::executeOrRunHere);
            stored = stored.thenRunAsync(() -> {
                try {
                    if (writeFailure == null) {
                        out.write(block, length, at);
                    }
                } catch (IOException e) {
                    writeFailure = e;
                } finally {
                    release.run();
                }
            }, this::executeOrRunHere);
        }

        private byte[] nextFreeBlock() {
            byte[] block = free.poll();
            if (block != null) {
                return block;
            }
            if (allocated < BLOCKS_IN_FLIGHT) {
                allocated++;
                return new byte[BLOCK];
            }
            try {
                return free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while an upload was being stored", e);
            }
        }

        private void awaitBoth() throws IOException {
            try {
                CompletableFuture.allOf(hashed, stored).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            if (writeFailure != null) {
                throw writeFailure;
            }
        }

        private void awaitQuietly() {
            try {
                CompletableFuture.allOf(hashed, stored).join();
            } catch (RuntimeException ignored) {
                // the first failure is the one being reported
            }
        }

        /** A saturated pool must not fail an upload: the reading thread then does the step itself. */
        private void executeOrRunHere(Runnable task) {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        }
    }

    /** One read pass into a block: how much it holds, and whether the stream ended or broke. */
    private record Fill(int length, boolean ended, IOException connectionLost) {
    }

    /** Fills the block as far as {@code wanted} where the stream allows, so disk and digests get large writes. */
    private static Fill fill(InputStream in, byte[] block, int wanted) {
        int length = 0;
        while (length < wanted) {
            int read;
            try {
                read = in.read(block, length, wanted - length);
            } catch (IOException e) {
                return new Fill(length, false, e);
            }
            if (read < 0) {
                return new Fill(length, true, null);
            }
            length += read;
        }
        return new Fill(length, false, null);
    }
}
