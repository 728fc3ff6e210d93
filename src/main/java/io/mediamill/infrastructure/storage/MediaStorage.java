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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The media volume and its layout, spelled here only. Uploads are received under {@code incoming/} and
 * committed into a folder per video, sharded by the first characters of its id
 * ({@code videos/ab/cd/<id>/}) so no folder grows without bound. In that folder the upload is kept as
 * {@code original} and its watermark as {@code watermark}: names of ours without an extension, never served.
 * What processing makes ({@code poster.jpg}, {@code thumbnails/}, {@code storyboard/}, {@code stream/},
 * {@code download.mp4} or {@code audio.m4a}) is written under a hidden temporary name and renamed into place,
 * so {@code /media} never shows a half-written file. Multipart uploads are spooled as {@code incoming/<uuid>.upload};
 * resumable (tus) uploads collect as {@code incoming/<uuid>.tus}, kept across restarts until they complete or
 * expire. Live relays write their sliding HLS window to {@code live/<camera>/}, outside {@code videos/}, so volume
 * sync never copies segments that are gone a few seconds later.
 */
@ApplicationScoped
public class MediaStorage {

    private static final String VIDEOS = "videos";
    private static final String INCOMING = "incoming";
    private static final String LIVE = "live";
    private static final String UPLOAD = ".upload";
    private static final String RESUMABLE = ".tus";
    /** Suffix of the hidden temporary name ({@code .<name>.part}) outputs are written under. */
    private static final String PART = ".part";
    private static final String ORIGINAL = "original";
    private static final String WATERMARK = "watermark";
    private static final String POSTER = "poster.jpg";
    private static final String THUMBNAILS = "thumbnails";
    private static final String STORYBOARD = "storyboard";
    private static final String STREAM = "stream";
    private static final String VIDEO_DOWNLOAD = "download.mp4";
    private static final String COMPOSITION = "composition";
    /** Hidden, so volume sync leaves it out: a node that resumes a composition renders what it lacks itself. */
    private static final String COMPOSITION_BATCHES = ".batches";
    private static final String AUDIO_DOWNLOAD = "audio.m4a";
    /** The files and folders of a video's folder that may be served: its outputs, never what was uploaded. */
    private static final Set<String> OUTPUTS = Set.of(POSTER, THUMBNAILS, STORYBOARD, STREAM, VIDEO_DOWNLOAD,
            AUDIO_DOWNLOAD);
    private static final Set<String> OUTPUT_FOLDERS = Set.of(THUMBNAILS, STORYBOARD, STREAM);
    private static final Pattern VIDEO_ID = Pattern.compile("[0-9a-fA-F-]{4,}");
    /** Every name the layout gives is plain: nothing to escape, no way up or into a hidden file. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** A file of a video that may be served, found from its path relative to the volume. */
    public record VideoFile(String videoId, Path path) {
    }

    private Path root;

    protected MediaStorage() {
        // for CDI proxies
    }

    @Inject
    public MediaStorage(MediamillConfig config) {
        this(config.mediaDir());
    }

    /** The volume at {@code root}: how tests and tools find files where the service put them. */
    public MediaStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Where the live relays' folders are, one per camera. */
    public Path liveRoot() {
        return root.resolve(LIVE);
    }

    /** A camera's live HLS folder ({@code cameraId} is a checked camera id: no separators, no dots). */
    public Path liveDir(String cameraId) {
        return liveRoot().resolve(cameraId);
    }

    /** Where a resumable upload's bytes collect until it is complete; the folder exists. */
    public Path resumableFile(String uploadId) {
        if (!uploadId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not an upload id: " + uploadId);
        }
        Path file = root.resolve(INCOMING).resolve(uploadId + RESUMABLE);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The files of resumable uploads on this volume. */
    public List<Path> resumableFiles() {
        Path incoming = root.resolve(INCOMING);
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (var files = Files.list(incoming)) {
            return files.filter(file -> file.getFileName().toString().endsWith(RESUMABLE)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh path under incoming/ for an upload in progress; the folder exists. */
    public Path newIncomingFile() {
        Path incoming = root.resolve(INCOMING).resolve(UUID.randomUUID() + UPLOAD);
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

    /**
     * Moves a received upload into the video's folder as its {@code original} and returns its path relative
     * to the volume. Not the client's extension: ffprobe and ffmpeg judge the content, not the name.
     */
    public String commitOriginal(String videoId, Path received) {
        return commitFile(videoId, received, ORIGINAL);
    }

    /** Where a video's upload is kept once committed. */
    public Path original(String videoId) {
        return videoDir(videoId).resolve(ORIGINAL);
    }

    /** Moves a committed upload back to where it was received: its video could not be recorded after all. */
    public void returnOriginal(String videoId, Path received) {
        try {
            if (Files.isRegularFile(original(videoId)) && !Files.exists(received)) {
                Files.move(original(videoId), received, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the upload of video " + videoId + " back to " + received, e);
        }
    }

    /** Whether the video's upload has been committed into its folder. */
    public boolean hasOriginal(String videoId) {
        return Files.isRegularFile(original(videoId));
    }

    /** Where a video's watermark image is kept once committed. */
    public Path watermark(String videoId) {
        return videoDir(videoId).resolve(WATERMARK);
    }

    /** Moves a received watermark image into the video's folder and returns its path relative to the volume. */
    public String commitWatermark(String videoId, Path received) {
        return commitFile(videoId, received, WATERMARK);
    }

    private String commitFile(String videoId, Path received, String name) {
        Path target = videoDir(videoId).resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit the upload of video " + videoId, e);
        }
        return relative(target);
    }

    /** The images and music a composed video is made from. */
    public Path compositionDir(String videoId) {
        return videoDir(videoId).resolve(COMPOSITION);
    }

    /** This node's work files of a composition: rendered batches, the title text, the batch list. */
    public Path compositionWorkDir(String videoId) {
        return compositionDir(videoId).resolve(COMPOSITION_BATCHES);
    }

    /** Moves a received file into the video's composition folder under {@code name}. */
    public void commitCompositionFile(String videoId, Path received, String name) {
        commitFile(videoId, received, COMPOSITION + "/" + name);
    }

    public Path videoDir(String videoId) {
        if (!VIDEO_ID.matcher(videoId).matches()) {
            throw new IllegalArgumentException("not a video id: " + videoId);
        }
        return root.resolve(VIDEOS).resolve(videoId.substring(0, 2)).resolve(videoId.substring(2, 4)).resolve(videoId);
    }

    public Path poster(String videoId) {
        return videoDir(videoId).resolve(POSTER);
    }

    public Path snapshot(String videoId, int position) {
        return videoDir(videoId).resolve(THUMBNAILS).resolve(position + ".jpg");
    }

    /** The storyboard sprite; its WebVTT track ({@link #storyboardTrack}) names it relative to itself. */
    public Path storyboardSprite(String videoId) {
        return videoDir(videoId).resolve(STORYBOARD).resolve("sprite.jpg");
    }

    public Path storyboardTrack(String videoId) {
        return videoDir(videoId).resolve(STORYBOARD).resolve("storyboard.vtt");
    }

    /** The folder of the CMAF segments with their HLS and DASH manifests. */
    public Path streamDir(String videoId) {
        return videoDir(videoId).resolve(STREAM);
    }

    /** The progressive download: an MP4, or an M4A when there is no picture. */
    public Path download(String videoId, boolean hasVideo) {
        return videoDir(videoId).resolve(hasVideo ? VIDEO_DOWNLOAD : AUDIO_DOWNLOAD);
    }

    /** The hidden name an output is written under before {@link #publish} renames it into place. */
    private Path temporaryFor(Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.resolveSibling("." + target.getFileName() + PART);
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

    /**
     * Removes what interrupted work left on the volume: temporary outputs ({@code .<name>.part}, files or
     * folders, anywhere under {@code videos/}) not written for {@code partMaxAge}, and multipart uploads
     * ({@code incoming/*.upload}) older than {@code uploadMaxAge}. Resumable uploads ({@code .tus}) are never
     * touched: surviving a restart is their point, and they expire through their own records.
     */
    public RemovedLeftovers removeLeftovers(Duration partMaxAge, Duration uploadMaxAge) {
        Instant now = Instant.now();
        return new LeftoverFiles()
                .removeTemporaries(root.resolve(VIDEOS), MediaStorage::isTemporary, now.minus(partMaxAge))
                .removeUploads(root.resolve(INCOMING), file -> file.getFileName().toString().endsWith(UPLOAD),
                        now.minus(uploadMaxAge))
                .removed();
    }

    private static boolean isTemporary(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") && name.endsWith(PART);
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

    /**
     * The video file at {@code relativePath} ({@code videos/ab/cd/<id>/...}) when it is one that may be
     * served: an output of processing, published (no hidden part), no more than a file inside an output
     * folder. The original, the watermark, uploads in progress and anything else are not.
     */
    public Optional<VideoFile> servable(String relativePath) {
        List<String> parts = List.of(relativePath.split("/", -1));
        if (parts.size() < 5 || parts.size() > 6 || !parts.get(0).equals(VIDEOS)
                || !parts.stream().allMatch(part -> PLAIN_NAME.matcher(part).matches())) {
            return Optional.empty();
        }
        String videoId = parts.get(3);
        String output = parts.get(4);
        if (!VIDEO_ID.matcher(videoId).matches() || !parts.get(1).equals(videoId.substring(0, 2))
                || !parts.get(2).equals(videoId.substring(2, 4)) || !OUTPUTS.contains(output)
                || OUTPUT_FOLDERS.contains(output) != (parts.size() == 6)) {
            return Optional.empty();
        }
        return Optional.of(new VideoFile(videoId, resolve(relativePath)));
    }

    public String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
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
