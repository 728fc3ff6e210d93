package io.mediamill.infrastructure.storage;

import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The media volume. Uploads are received under {@code incoming/} and committed into a folder per video,
 * sharded by the first characters of its id ({@code videos/ab/cd/<id>/}) so no folder grows without bound.
 * Files are written under a hidden temporary name and renamed into place, so {@code /media} never shows a
 * half-written file.
 */
@ApplicationScoped
public class MediaStorage {

    public static final String URL_PREFIX = "/media/";
    private static final String VIDEOS = "videos";
    private static final String INCOMING = "incoming";

    private Path root;

    protected MediaStorage() {
        // for CDI proxies
    }

    @Inject
    public MediaStorage(MediamillConfig config) {
        this.root = config.mediaDir();
    }

    public Path root() {
        return root;
    }

    /** Where a resumable upload's bytes collect until it is complete; the folder exists. */
    public Path resumableFile(String uploadId) {
        if (!uploadId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not an upload id: " + uploadId);
        }
        Path file = root.resolve(INCOMING).resolve(uploadId + ".tus");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A fresh path under incoming/ for an upload in progress; the folder exists. */
    public Path newIncomingFile() {
        Path incoming = root.resolve(INCOMING).resolve(UUID.randomUUID() + ".upload");
        try {
            Files.createDirectories(incoming.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + incoming.getParent(), e);
        }
        return incoming;
    }

    /**
     * Puts an upload's content in a file under incoming/ and returns it with its size and SHA-256. Content
     * already spooled there is taken as it is; any other stream is copied through a small buffer (and hashed
     * on the way), never held in memory.
     */
    public Received receive(InputStream content) {
        try {
            if (content instanceof IncomingFile spooled && spooled.path().startsWith(root.resolve(INCOMING))) {
                closeQuietly(spooled);
                return new Received(spooled.path(), Files.size(spooled.path()), spooled.sha256());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path incoming = newIncomingFile();
        MessageDigest digest = ContentHash.newDigest();
        try (DigestInputStream hashing = new DigestInputStream(content, digest)) {
            long size = Files.copy(hashing, incoming);
            return new Received(incoming, size, ContentHash.hex(digest));
        } catch (IOException e) {
            deleteQuietly(incoming);
            throw new UncheckedIOException("could not store the upload: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // only a read handle: nothing was written through it
        }
    }

    /** Moves a received upload into the video's folder and returns its path relative to the volume. */
    public String commitSource(String videoId, Path received, String extension) {
        return commitFile(videoId, received, "source." + extension);
    }

    /** Moves a received file into the video's folder under a name of ours; returns its path relative to the volume. */
    public String commitFile(String videoId, Path received, String name) {
        Path target = videoDir(videoId).resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit the upload of video " + videoId, e);
        }
        return relative(target);
    }

    public Path videoDir(String videoId) {
        if (videoId.length() < 4 || !videoId.matches("[0-9a-fA-F-]+")) {
            throw new IllegalArgumentException("not a video id: " + videoId);
        }
        return root.resolve(VIDEOS).resolve(videoId.substring(0, 2)).resolve(videoId.substring(2, 4)).resolve(videoId);
    }

    /** The hidden name an output is written under before {@link #publish} renames it into place. */
    private Path temporaryFor(Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    /** Atomically replaces {@code target} with the finished temporary file. */
    private void publish(Path temporary, Path target) {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish " + target, e);
        }
    }

    /**
     * Makes {@code target} through its temporary name: {@code writer} writes there, the result is renamed into
     * place; whatever fails, the temporary file is removed.
     */
    public void produce(Path target, Consumer<Path> writer) {
        Path temporary = temporaryFor(target);
        try {
            writer.accept(temporary);
            if (!Files.isRegularFile(temporary)) {
                throw new IllegalStateException("nothing was written for " + target.getFileName());
            }
            publish(temporary, target);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /** Makes folder {@code target} in a hidden temporary folder, renamed into place when done, removed if not. */
    public void produceDirectory(Path target, Consumer<Path> writer) {
        Path temporary = temporaryDirectoryFor(target);
        try {
            writer.accept(temporary);
            publishDirectory(temporary, target);
        } catch (RuntimeException e) {
            deleteTree(temporary);
            throw e;
        }
    }

    /** Writes a small text file under a temporary name and renames it into place. */
    public void writeAtomically(Path target, String content) {
        produce(target, temporary -> {
            try {
                Files.writeString(temporary, content);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + target, e);
            }
        });
    }

    private Path temporaryDirectoryFor(Path target) {
        Path temporary = temporaryFor(target);
        deleteTree(temporary);
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return temporary;
    }

    /**
     * Puts a finished folder in place of {@code target} by renames only: readers see the old folder or the
     * new one, never a half-written one.
     */
    private void publishDirectory(Path temporary, Path target) {
        Path previous = target.resolveSibling("." + target.getFileName() + ".old");
        try {
            deleteTree(previous);
            if (Files.exists(target)) {
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish " + target, e);
        }
    }

    /** Total size of the regular files below a folder that match. */
    public long sizeOf(Path dir, java.util.function.Predicate<Path> which) {
        try (var files = Files.list(dir)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).filter(which).toList()) {
                total += Files.size(file);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path inside the volume from its relative form; refuses anything that would leave the volume. */
    public Path resolve(String relativePath) {
        Path resolved = root.resolve(relativePath).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("outside the media volume: " + relativePath);
        }
        return resolved;
    }

    /** Only committed media is public; uploads in progress and temporary files and folders are not. */
    public boolean isPublic(Path file) {
        Path videos = root.resolve(VIDEOS);
        if (!file.startsWith(videos)) {
            return false;
        }
        for (Path part : videos.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    public String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    public static String url(String relativePath) {
        return relativePath == null ? null : URL_PREFIX + relativePath;
    }

    public void deleteVideo(String videoId) {
        deleteTree(videoDir(videoId));
    }

    public void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a leftover is swept with its folder
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
