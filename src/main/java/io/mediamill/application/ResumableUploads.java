package io.mediamill.application;

import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.upload.ResumableUpload;
import io.mediamill.domain.model.upload.ResumableUploadRepository;
import io.mediamill.domain.model.upload.UnfinishedUploads;
import io.mediamill.domain.model.upload.UploadMetadata;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.storage.ContentHash;
import io.mediamill.infrastructure.storage.DiskReserve;
import io.mediamill.infrastructure.storage.HashingFileWriter;
import io.mediamill.infrastructure.storage.InsufficientStorageException;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.infrastructure.storage.Received;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
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
    /** Fetching an unfinished upload's bytes from another node: a request cannot wait much longer. */
    private static final java.time.Duration PULL_LIMIT = java.time.Duration.ofMinutes(2);
    private static final java.time.Duration LEFT_BEHIND_AFTER = java.time.Duration.ofMinutes(10);

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

    @Inject
    DiskReserve diskReserve;

    @Inject
    MetricsRecorder metrics;

    @Inject
    VolumeReplication replication;

    /** State of this node's uploads in progress; only uploads that exist get an entry (see {@link #lock}). */
    private final ConcurrentMap<String, RunningHash> hashes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Counting an owner's uploads and adding one is a single step on this node. */
    private final ReentrantLock creation = new ReentrantLock();

    /**
     * Starts an upload of {@code length} bytes, unless it is too large, its owner has too many unfinished uploads
     * (or declares too many bytes with them) or the media volume has no room for it; nothing is kept then.
     */
    public ResumableUpload create(String owner, long length, UploadMetadata metadata) {
        if (length <= 0) {
            throw new ResumableUploadException(400, "Bad Request", "Upload-Length must be a positive number of bytes; "
                    + "an empty file is not a video.");
        }
        if (length > config.maxUploadBytes()) {
            throw new ResumableUploadException(413, "Request Entity Too Large", "Upload-Length " + length
                    + " is larger than Tus-Max-Size " + config.maxUploadBytes() + ".");
        }
        Instant now = clock.instant();
        ResumableUpload upload = new ResumableUpload(UUID.randomUUID().toString(), owner, length, metadata, now,
                now.plus(config.uploadExpiry()));
        upload.receivedOn(config.nodeName());
        creation.lock();
        try {
            requireRoomFor(upload, now);
            Path file = file(upload.id());
            Files.createFile(file);
            try {
                uploads.add(upload);
            } catch (RuntimeException e) {
                storage.deleteQuietly(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start upload " + upload.id(), e);
        } finally {
            creation.unlock();
        }
        hashes.put(upload.id(), new RunningHash(0, ContentHash.newDigest()));
        return upload;
    }

    /**
     * One owner's unfinished uploads hold files on the volume and slots here until they finish or expire: their
     * number and declared bytes are bounded (429: the owner has to finish or terminate some, or wait for them to
     * expire); then the volume must have room for the bytes above its reserve (507).
     */
    private void requireRoomFor(ResumableUpload upload, Instant now) {
        UnfinishedUploads unfinished = uploads.unfinishedBy(upload.owner(), now);
        if (unfinished.count() >= config.maxUnfinishedUploads()) {
            throw new ResumableUploadException(429, "Too Many Requests", "There are " + unfinished.count()
                    + " unfinished uploads already, the limit of unfinished uploads per user ("
                    + config.maxUnfinishedUploads() + "): finish or terminate one first.");
        }
        if (unfinished.declaredBytes() + upload.length() > config.maxUnfinishedUploadBytes()) {
            throw new ResumableUploadException(429, "Too Many Requests", "The unfinished uploads declare "
                    + unfinished.declaredBytes() + " bytes already; with Upload-Length " + upload.length()
                    + " that passes the limit of bytes in unfinished uploads per user (" + config.maxUnfinishedUploadBytes()
                    + "): finish or terminate one first.");
        }
        diskReserve.requireRoomFor(upload.length(), "Upload-Length " + upload.length());
    }

    /**
     * The upload, unless it never existed, was terminated, expired unfinished (then its bytes go now), or is not
     * the actor's to see.
     */
    public Optional<ResumableUpload> find(Actor actor, String id) {
        Optional<ResumableUpload> upload = uploads.find(id).filter(u -> actor.mayActOn(u.owner()));
        if (upload.isPresent() && upload.get().isExpired(clock.instant())) {
            discard(upload.get());
            return Optional.empty();
        }
        return upload;
    }

    /**
     * The upload as a HEAD reports it. One whose bytes have all arrived but which is not a video yet (no probe
     * slot came free when its last PATCH completed it) is completed now, so that a client that asks again finds
     * its video; while that still cannot happen the answer is 423, which tus clients retry rather than start over.
     */
    public Optional<ResumableUpload> status(Actor actor, String id) {
        Optional<ResumableUpload> upload = find(actor, id);
        if (upload.isPresent() && isElsewhere(upload.get())) {
            ReentrantLock lock = lock(id);
            try {
                upload = find(actor, id).map(this::bringHere);
            } finally {
                lock.unlock();
            }
        }
        if (upload.isEmpty() || !awaitsAcceptance(upload.get())) {
            return upload;
        }
        ReentrantLock lock = lock(id);
        try {
            ResumableUpload current = find(actor, id).orElseThrow(() -> ResumableUploadException.notFound(id));
            if (awaitsAcceptance(current)) {
                complete(current, () -> runningHash(current));
            }
            return uploads.find(id);
        } catch (ServiceBusyException busy) {
            throw new ResumableUploadException(423, "Locked", busy.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes a PATCH body at {@code offset}. A body cut off by the network keeps what arrived (without a
     * checksum to honour); a body that fails its checksum is undone and answered with 460. A PATCH at the end of
     * an upload whose bytes have all arrived completes it, if it is not a video yet.
     */
    public Progress append(Actor actor, String id, long offset, InputStream body, UploadChecksum checksum) {
        ReentrantLock lock = lock(id);
        try {
            ResumableUpload upload = bringHere(find(actor, id).orElseThrow(() -> ResumableUploadException.notFound(id)));
            if (offset != upload.offset()) {
                throw new ResumableUploadException(409, "Conflict", "Upload-Offset " + offset + " does not match the "
                        + upload.offset() + " bytes received.");
            }
            if (upload.isComplete()) {
                return new Progress(upload, offset, awaitsAcceptance(upload) ? complete(upload, () -> runningHash(upload)) : upload.videoId());
            }
            MessageDigest sha256 = runningHash(upload);
            long written = write(upload, offset, body, sha256, checksum);
            long newOffset = offset + written;
            if (written > 0 && !advance(id, offset, newOffset)) {
                truncate(upload.id(), offset);
                throw new ResumableUploadException(409, "Conflict", "Upload " + id + " moved on meanwhile.");
            }
            metrics.uploadReceived(written);
            hashes.put(id, new RunningHash(newOffset, sha256));
            String videoId = newOffset == upload.length() ? complete(upload, () -> copy(sha256)) : null;
            return new Progress(upload, newOffset, videoId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records the new offset. When that fails (the database gone), what the PATCH wrote goes again, so the file
     * holds what the upload's record says it does: the client resumes from the offset a HEAD reports.
     */
    private boolean advance(String id, long offset, long newOffset) {
        try {
            return uploads.advance(id, offset, newOffset);
        } catch (RuntimeException e) {
            try {
                truncate(id, offset);
            } catch (UncheckedIOException notTruncated) {
                e.addSuppressed(notTruncated);
            }
            throw e;
        }
    }

    /**
     * Takes the lock of an upload that exists. Ids that never existed (or no longer do) get no lock, so requests
     * for made-up ids leave nothing behind.
     */
    private ReentrantLock lock(String id) {
        if (uploads.find(id).isEmpty()) {
            throw ResumableUploadException.notFound(id);
        }
        ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
        try {
            if (!lock.tryLock(5, TimeUnit.SECONDS)) {
                throw new ResumableUploadException(423, "Locked", "Another request is writing to upload " + id + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResumableUploadException(423, "Locked", "Interrupted while waiting for upload " + id + ".");
        }
        return lock;
    }

    /** An unfinished upload whose bytes another node received. */
    private boolean isElsewhere(ResumableUpload upload) {
        return !upload.isComplete() && upload.node() != null && !config.nodeName().equals(upload.node());
    }

    /**
     * Goes on here with an upload another node received: its bytes are fetched from that node's volume; what
     * could not be fetched is received again, the upload's offset then being what this node has (a tus client
     * resumes from the offset a HEAD reports). Called holding the upload's lock.
     */
    private ResumableUpload bringHere(ResumableUpload upload) {
        if (!isElsewhere(upload)) {
            return upload;
        }
        Path file = file(upload.id());
        // Bytes left here by an earlier turn of this upload on this node may be stale: only fetched ones count.
        boolean fetched = replication.pullUpload(upload.id(), upload.node(), PULL_LIMIT);
        long have = fetched ? Math.min(sizeOf(file), upload.offset()) : 0;
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not take over upload " + upload.id(), e);
        }
        truncate(upload.id(), have);
        if (!uploads.moveTo(upload.id(), config.nodeName(), upload.offset(), have)) {
            throw new ResumableUploadException(409, "Conflict", "Upload " + upload.id() + " moved on meanwhile.");
        }
        hashes.remove(upload.id());
        LOG.info(() -> "upload " + upload.id() + " goes on on node " + config.nodeName() + " from byte " + have
                + (have < upload.offset() ? " (" + (upload.offset() - have) + " bytes received by " + upload.node()
                + " could not be fetched)" : ", fetched from " + upload.node()));
        return uploads.find(upload.id()).orElseThrow(() -> ResumableUploadException.notFound(upload.id()));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** All bytes in, but not a video yet: its completion was put off. */
    private static boolean awaitsAcceptance(ResumableUpload upload) {
        return upload.isComplete() && upload.videoId() == null;
    }

    private long write(ResumableUpload upload, long offset, InputStream body, MessageDigest sha256, UploadChecksum checksum) {
        MessageDigest requestDigest = checksum == null ? null : checksum.newDigest();
        List<MessageDigest> digests = requestDigest == null ? List.of(sha256) : List.of(sha256, requestDigest);
        HashingFileWriter.Outcome outcome;
        try {
            outcome = writer.write(body, file(upload.id()), offset, upload.length() - offset, digests);
        } catch (InsufficientStorageException full) {
            // What this PATCH wrote is given back to the full volume; the upload resumes from where it was.
            truncate(upload.id(), offset);
            throw full;
        }
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
        if (running != null && running.covered() == upload.offset()) {
            return copy(running.digest());
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

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the upload whose bytes have all arrived a video, once however often it is tried; {@code sha256} gives
     * a digest that has seen them all. The upload's file stays until the upload records its video: its bytes move
     * into a new video only once that video's row is committed, and the bytes of the same content again are
     * deleted only afterwards. So a completion that fails (the database gone) can be tried again, by the next HEAD
     * or PATCH, and one that failed after recording the video is finished by it: the video's id is derived from
     * the upload's, so it is found again even though its bytes have moved into it.
     */
    private String complete(ResumableUpload upload, Supplier<MessageDigest> sha256) {
        String videoId = videoIdFor(upload);
        Path file = file(upload.id());
        UploadService.Accepted accepted;
        try {
            accepted = videos.acceptedBefore(upload.owner(), videoId, file).orElseGet(() -> videos.accept(upload.owner(),
                    upload.title(), upload.fileName(), new Received(file, upload.length(), ContentHash.hex(sha256.get())),
                    null, upload.visibility(), videoId));
        } catch (InvalidUploadException refused) {
            // Not something we can make a video of: the bytes go, and so does the upload.
            discard(upload);
            throw refused;
        } catch (ServiceBusyException busy) {
            // Unlike a multipart upload, these bytes need not travel again: they stay, and asking again completes them.
            throw new ServiceBusyException("All " + upload.length() + " bytes of upload " + upload.id() + " arrived and are "
                    + "kept, but too many uploads are being checked at once: ask for it again (HEAD) in "
                    + busy.retryAfter().toSeconds() + " seconds to have it accepted.", busy.retryAfter());
        }
        uploads.update(upload.id(), u -> u.completeAs(accepted.video().id()));
        hashes.remove(upload.id());
        // The same content again: its bytes are not needed (a new video's have moved into it already).
        storage.deleteQuietly(file);
        LOG.info(() -> "upload " + upload.id() + " is video " + accepted.video().id() + (accepted.duplicate() ? " (same content)" : ""));
        return accepted.video().id();
    }

    /** The id the upload's video gets, unless its content is a video already: the same for every try. */
    static String videoIdFor(ResumableUpload upload) {
        return UUID.nameUUIDFromBytes(("video of resumable upload " + upload.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The client gave up: the bytes and the record go. */
    public void terminate(Actor actor, String id) {
        ResumableUpload upload = uploads.find(id).filter(u -> actor.mayActOn(u.owner()))
                .orElseThrow(() -> ResumableUploadException.notFound(id));
        discard(upload);
    }

    /** Removes uploads past their expiry: unfinished ones with their bytes, finished ones' records. */
    public int expire() {
        int expired = 0;
        for (ResumableUpload upload : uploads.expiredBefore(clock.instant())) {
            discard(upload);
            expired++;
        }
        forgetVanished();
        removeBytesLeftBehind();
        return expired;
    }

    /**
     * Bytes of uploads that went on through another node, or ended there, stay on this node's volume: they go
     * once nobody has written to them for a while (a request this node is still serving keeps them fresh).
     */
    private void removeBytesLeftBehind() {
        Instant idle = clock.instant().minus(LEFT_BEHIND_AFTER);
        for (Path file : storage.resumableFiles()) {
            String id = file.getFileName().toString().replaceFirst("\\.tus$", "");
            boolean elsewhere = uploads.find(id).map(upload -> upload.isComplete() || isElsewhere(upload)).orElse(true);
            if (elsewhere && lastWritten(file).isBefore(idle)) {
                storage.deleteQuietly(file);
            }
        }
    }

    private static Instant lastWritten(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

    /** Another node may have finished, terminated or expired an upload this one holds state for: that state goes too. */
    private void forgetVanished() {
        for (String id : heldIds()) {
            if (uploads.find(id).isEmpty()) {
                hashes.remove(id);
                locks.remove(id);
            }
        }
    }

    /** The ids this node holds state for (a running hash or a lock); for tests. */
    Set<String> heldIds() {
        Set<String> held = new HashSet<>(hashes.keySet());
        held.addAll(locks.keySet());
        return held;
    }

    private void discard(ResumableUpload upload) {
        // A completed upload's bytes are its video's now, under another name, or were the same content again.
        storage.deleteQuietly(file(upload.id()));
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
