package io.mediamill.application;

import io.mediamill.domain.model.upload.ResumableUpload;
import io.mediamill.domain.model.upload.ResumableUploadRepository;
import io.mediamill.domain.model.upload.UploadMetadata;
import io.mediamill.domain.model.video.Video;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.storage.ContentHash;
import io.mediamill.infrastructure.storage.HashingFileWriter;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.infrastructure.storage.Received;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Resumable uploads (the tus protocol's semantics, without its HTTP): bytes are written straight at their
 * offset in one file under the media volume's incoming/ folder (no chunks to concatenate later), and fed to
 * a running SHA-256 as they arrive, so a finished upload is identified without reading it again. The state
 * lives in the database; the running hash lives on the node that received the bytes (another node, or a
 * restart, hashes what is on disk once and carries on).
 */
@ApplicationScoped
public class ResumableUploads {

    private static final Logger LOG = Logger.getLogger(ResumableUploads.class.getName());
    private static final int BUFFER = 256 * 1024;

    /** What a PATCH achieved: the new offset, and the video once the upload is complete. */
    public record Progress(ResumableUpload upload, long offset, String videoId) {
    }

    /** A running SHA-256 over the first {@code covered} bytes of an upload. */
    private record RunningHash(long covered, MessageDigest digest) {
    }

    @Inject
    ResumableUploadRepository uploads;

    @Inject
    MediaStorage storage;

    @Inject
    UploadService videos;

    @Inject
    MediamillConfig config;

    @Inject
    Clock clock;

    @Inject
    HashingFileWriter writer;

    private final ConcurrentMap<String, RunningHash> hashes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ResumableUpload create(long length, UploadMetadata metadata) {
        if (length <= 0) {
            throw new ResumableUploadException(400, "Bad Request", "Upload-Length must be a positive number of bytes; "
                    + "an empty file is not a video.");
        }
        if (length > config.maxUploadBytes()) {
            throw new ResumableUploadException(413, "Request Entity Too Large", "Upload-Length " + length
                    + " is larger than Tus-Max-Size " + config.maxUploadBytes() + ".");
        }
        Instant now = clock.instant();
        ResumableUpload upload = new ResumableUpload(UUID.randomUUID().toString(), Video.ANONYMOUS, length, metadata, now,
                now.plus(config.uploadExpiry()));
        try {
            Files.createFile(file(upload.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start upload " + upload.id(), e);
        }
        uploads.add(upload);
        hashes.put(upload.id(), new RunningHash(0, ContentHash.newDigest()));
        return upload;
    }

    /** The upload, unless it never existed, was terminated, or expired unfinished (then its bytes go now). */
    public Optional<ResumableUpload> find(String id) {
        Optional<ResumableUpload> upload = uploads.find(id);
        if (upload.isPresent() && upload.get().isExpired(clock.instant())) {
            discard(upload.get());
            return Optional.empty();
        }
        return upload;
    }

    /**
     * Writes a PATCH body at {@code offset}. A body cut off by the network keeps what arrived (without a
     * checksum to honour); a body that fails its checksum is undone and answered with 460.
     */
    public Progress append(String id, long offset, InputStream body, UploadChecksum checksum) {
        ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
        try {
            if (!lock.tryLock(5, TimeUnit.SECONDS)) {
                throw new ResumableUploadException(423, "Locked", "Another request is writing to upload " + id + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResumableUploadException(423, "Locked", "Interrupted while waiting for upload " + id + ".");
        }
        try {
            ResumableUpload upload = find(id).orElseThrow(() -> ResumableUploadException.notFound(id));
            if (offset != upload.offset()) {
                throw new ResumableUploadException(409, "Conflict", "Upload-Offset " + offset + " does not match the "
                        + upload.offset() + " bytes received.");
            }
            if (upload.isComplete()) {
                return new Progress(upload, offset, upload.videoId());
            }
            MessageDigest sha256 = runningHash(upload);
            long written = write(upload, offset, body, sha256, checksum);
            long newOffset = offset + written;
            if (written > 0 && !uploads.advance(id, offset, newOffset)) {
                truncate(upload.id(), offset);
                throw new ResumableUploadException(409, "Conflict", "Upload " + id + " moved on meanwhile.");
            }
            hashes.put(id, new RunningHash(newOffset, sha256));
            String videoId = newOffset == upload.length() ? complete(upload, sha256) : null;
            return new Progress(upload, newOffset, videoId);
        } finally {
            lock.unlock();
        }
    }

    private long write(ResumableUpload upload, long offset, InputStream body, MessageDigest sha256, UploadChecksum checksum) {
        MessageDigest requestDigest = checksum == null ? null : checksum.newDigest();
        List<MessageDigest> digests = requestDigest == null ? List.of(sha256) : List.of(sha256, requestDigest);
        HashingFileWriter.Outcome outcome = writer.write(body, file(upload.id()), offset, upload.length() - offset, digests);
        if (outcome.overLimit()) {
            truncate(upload.id(), offset);
            throw new ResumableUploadException(413, "Request Entity Too Large",
                    "The body runs past Upload-Length " + upload.length() + ".");
        }
        // A cut body is kept (the client resumes from it), unless a checksum promised what it would be.
        if (requestDigest != null && (outcome.cut() || !Arrays.equals(requestDigest.digest(), checksum.expected()))) {
            truncate(upload.id(), offset);
            throw new ResumableUploadException(460, "Checksum Mismatch",
                    "The " + checksum.algorithm() + " of the body does not match Upload-Checksum; nothing was kept.");
        }
        return outcome.written();
    }

    /** The hash of the bytes so far: this node's running one, else computed once from the file. */
    private MessageDigest runningHash(ResumableUpload upload) {
        RunningHash running = hashes.get(upload.id());
        try {
            if (running != null && running.covered() == upload.offset()) {
                return (MessageDigest) running.digest().clone();
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        MessageDigest digest = ContentHash.newDigest();
        try (InputStream in = Files.newInputStream(file(upload.id()))) {
            byte[] buffer = new byte[BUFFER];
            long left = upload.offset();
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IllegalStateException("upload " + upload.id() + " has fewer bytes on disk than recorded");
                }
                digest.update(buffer, 0, read);
                left -= read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest;
    }

    private String complete(ResumableUpload upload, MessageDigest sha256) {
        hashes.remove(upload.id());
        UploadService.Accepted accepted;
        try {
            accepted = videos.accept(upload.owner(), upload.title(), upload.fileName(),
                    new Received(file(upload.id()), upload.length(), ContentHash.hex(sha256)), null,
                    upload.visibility());
        } catch (InvalidUploadException refused) {
            // Not something we can make a video of: the bytes are gone already, so is the upload.
            discard(upload);
            throw refused;
        }
        uploads.update(upload.id(), u -> u.completeAs(accepted.video().id()));
        LOG.info(() -> "upload " + upload.id() + " is video " + accepted.video().id() + (accepted.duplicate() ? " (same content)" : ""));
        return accepted.video().id();
    }

    /** The client gave up: the bytes and the record go. */
    public void terminate(String id) {
        ResumableUpload upload = uploads.find(id).orElseThrow(() -> ResumableUploadException.notFound(id));
        discard(upload);
    }

    /** Removes uploads past their expiry: unfinished ones with their bytes, finished ones' records. */
    public int expire() {
        int expired = 0;
        for (ResumableUpload upload : uploads.expiredBefore(clock.instant())) {
            discard(upload);
            expired++;
        }
        return expired;
    }

    private void discard(ResumableUpload upload) {
        if (upload.videoId() == null) {
            storage.deleteQuietly(file(upload.id()));
        }
        hashes.remove(upload.id());
        locks.remove(upload.id());
        uploads.remove(upload.id());
    }

    private void truncate(String id, long offset) {
        try (FileChannel channel = FileChannel.open(file(id), StandardOpenOption.WRITE)) {
            channel.truncate(offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String id) {
        return storage.resumableFile(id);
    }
}
