package io.mediamill.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Deletes what interrupted writes left on the media volume, where and as {@link MediaStorage} says (the layout
 * is spelled there only), counting what went. Age is judged by the last write, so work still in progress
 * anywhere (several nodes may share the volume) is kept: it goes on writing. Files that vanish on the way,
 * published or swept by another node meanwhile, are skipped.
 */
final class LeftoverFiles {

    private static final Logger LOG = Logger.getLogger(LeftoverFiles.class.getName());

    private int partials;
    private int uploads;
    private long bytes;

    /**
     * Removes the temporaries anywhere under {@code tree}, files or whole folders, whose newest write (of the
     * folder or anything in it) is before {@code cutoff}.
     */
    LeftoverFiles removeTemporaries(Path tree, Predicate<Path> temporary, Instant cutoff) {
        if (!Files.isDirectory(tree)) {
            return this;
        }
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(tree) && temporary.test(dir)) {
                        removeTemporary(dir, cutoff);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && temporary.test(file)) {
                        removeTemporary(file, cutoff);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not sweep " + tree, e);
        }
        return this;
    }

    /** Removes the regular files directly in {@code dir} that match and were last written before {@code cutoff}. */
    LeftoverFiles removeUploads(Path dir, Predicate<Path> upload, Instant cutoff) {
        if (!Files.isDirectory(dir)) {
            return this;
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(upload).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not sweep " + dir, e);
        }
        for (Path file : candidates) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                if (attrs.isRegularFile() && attrs.lastModifiedTime().toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(file)) {
                    uploads++;
                    bytes += attrs.size();
                }
            } catch (IOException e) {
                LOG.warning(() -> "could not remove " + file + ": " + e);
            }
        }
        return this;
    }

    RemovedLeftovers removed() {
        return new RemovedLeftovers(partials, uploads, bytes);
    }

    private void removeTemporary(Path temporary, Instant cutoff) {
        try {
            Tree tree = Tree.of(temporary);
            if (tree.newestWrite().isBefore(cutoff)) {
                MediaStorage.deleteTree(temporary);
                partials++;
                bytes += tree.bytes();
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warning(() -> "could not remove " + temporary + ": " + e);
        }
    }

    /** The newest write to a file or folder tree, and the bytes of its files. */
    private record Tree(Instant newestWrite, long bytes) {

        static Tree of(Path root) throws IOException {
            Instant[] newest = {Instant.MIN};
            long[] bytes = {0};
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    see(attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    see(attrs);
                    if (attrs.isRegularFile()) {
                        bytes[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void see(BasicFileAttributes attrs) {
                    Instant written = attrs.lastModifiedTime().toInstant();
                    if (written.isAfter(newest[0])) {
                        newest[0] = written;
                    }
                }
            });
            return new Tree(newest[0], bytes[0]);
        }
    }
}
