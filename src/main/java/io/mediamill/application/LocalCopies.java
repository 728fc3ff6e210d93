package io.mediamill.application;

import io.mediamill.domain.model.processing.AttemptFailure;
import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import io.mediamill.domain.model.video.Video;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.storage.ContentHash;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's copies of a video's files. It processes a video only from a source it holds byte for byte as
 * uploaded (a composition: its composed source, or the images and music it is composed from): the file in its own media volume, whose SHA-256 matches the one taken as the upload arrived, or else
 * one pulled from a peer that has it. A verified file is stamped (size, modification time, hash, in a hidden file
 * beside it that never travels to peers), so the hash is computed once per node and file, not once per attempt.
 * A ready video's outputs that have not reached this node yet are pulled when asked for, once however many ask.
 */
@ApplicationScoped
public class LocalCopies {

    private static final Logger LOG = Logger.getLogger(LocalCopies.class.getName());
    /** Enough for a large source over a slow link; a pull that takes longer is a failed attempt, retried later. */
    private static final Duration PULL_LIMIT = Duration.ofMinutes(30);
    private static final int BUFFER = 1 << 20;
    /** Outputs are fetched in the background; a request waits this long before it is asked to come back. */
    private static final Duration OUTPUTS_WAIT = Duration.ofSeconds(15);

    private final ConcurrentMap<String, CompletableFuture<Boolean>> outputPulls = new ConcurrentHashMap<>();

    @Inject
    MediaStorage storage;

    @Inject
    VolumeReplication replication;

    @Inject
    MediamillConfig config;

    @Resource
    ManagedExecutorService pulls;

    /** Makes sure the video's source is here, as uploaded; a retryable failure of step {@code source} if not. */
    public void requireSource(Video video) {
        if (holds(video)) {
            return;
        }
        LOG.info(() -> "video " + video.id() + ": its source is not on node " + config.nodeName()
                + " as uploaded; pulling it from a peer");
        if (replication.pullVideo(video.id(), PULL_LIMIT) && holds(video)) {
            return;
        }
        throw new AttemptFailure("source", "the uploaded file is not on node " + config.nodeName()
                + " (or differs from what was uploaded), and no peer could provide it", true);
    }

    /** Whether another node may hold files this one lacks. */
    public boolean hasPeers() {
        return replication.hasPeers();
    }

    /**
     * Fetches a ready video's folder from a peer, its outputs not being here yet; true once they are (the caller
     * looks again), false when that takes longer than a request should wait or no peer has them.
     */
    public boolean awaitOutputs(String videoId) {
        if (!replication.hasPeers()) {
            return false;
        }
        CompletableFuture<Boolean> pull = outputPulls.computeIfAbsent(videoId, id -> CompletableFuture
                .supplyAsync(() -> replication.pullVideo(id, PULL_LIMIT), pulls)
                .whenComplete((pulled, failure) -> outputPulls.remove(id)));
        try {
            return pull.get(OUTPUTS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillPulling) {
            return false;
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "could not fetch the files of video " + videoId, e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The file at the video's source path is what was uploaded: its hash was taken as the bytes arrived. */
    public void vouchFor(Video video) {
        Path source = storage.resolve(video.sourcePath());
        if (video.sha256() != null && Files.isRegularFile(source)) {
            stamp(source, video.sha256());
        }
    }

    private boolean holds(Video video) {
        Path source = storage.resolve(video.sourcePath());
        if (!Files.isRegularFile(source)) {
            return video.composition().isPresent() && holdsInputs(video);
        }
        if (video.sha256() == null) {
            return true;
        }
        if (stampOf(source).equals(stampText(source, video.sha256()))) {
            return true;
        }
        if (!video.sha256().equals(sha256(source))) {
            LOG.warning(() -> "video " + video.id() + ": the source on node " + config.nodeName()
                    + " does not match the SHA-256 of the upload");
            return false;
        }
        stamp(source, video.sha256());
        return true;
    }

    /** A composition not composed here yet needs what it is composed from: its images and music. */
    private boolean holdsInputs(Video video) {
        Path inputs = storage.compositionDir(video.id());
        SlideshowPlan plan = video.composition().orElseThrow();
        return plan.slides().stream().allMatch(slide -> Files.isRegularFile(inputs.resolve(slide.file())))
                && (!plan.hasAudio() || Files.isRegularFile(inputs.resolve(plan.audio())));
    }

    private static String sha256(Path file) {
        MessageDigest digest = ContentHash.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return ContentHash.hex(digest);
    }

    private static Path stampFile(Path source) {
        return source.resolveSibling("." + source.getFileName() + ".sha256");
    }

    private static String stampText(Path source, String sha256) {
        try {
            return Files.size(source) + " " + Files.getLastModifiedTime(source).toMillis() + " " + sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static String stampOf(Path source) {
        try {
            Path stamp = stampFile(source);
            return Files.isRegularFile(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void stamp(Path source, String sha256) {
        try {
            Files.writeString(stampFile(source), stampText(source, sha256) + "\n", StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            // Without a stamp the next attempt hashes the file again: slower, never wrong.
            LOG.fine(() -> "could not stamp " + source + ": " + e);
        }
    }
}
