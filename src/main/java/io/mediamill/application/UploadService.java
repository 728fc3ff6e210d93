package io.mediamill.application;

import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.Visibility;
import io.mediamill.domain.model.video.Watermark;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.MediaProber;
import io.mediamill.infrastructure.media.IsoBoxes;
import io.mediamill.infrastructure.media.RefusedFormatException;
import io.mediamill.infrastructure.media.UnreadableMediaException;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.infrastructure.storage.Received;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Accepts an uploaded file: streams it onto the media volume (or takes a finished resumable upload), records
 * the video and queues its processing.
 * The files are moved into the video's folder first (a rename on the same volume), then the row and its task in
 * the processing queue are recorded in one transaction, so a video is never recorded without the task that
 * processes it, and its job never starts before its source is in place. Should that transaction fail (the
 * database gone, say), the received bytes are moved back where they were, for a resumable upload to be
 * completed again; a retry that finds the row recorded after all (the answer to a commit was lost) moves the
 * bytes in then.
 */
@ApplicationScoped
public class UploadService {

    private static final int MAX_TITLE_LENGTH = 500;

    @Inject
    MediaStorage storage;

    @Inject
    VideoRepository videos;

    @Inject
    Clock clock;

    @Inject
    MediaProber prober;

    @Inject
    MediamillConfig config;

    @Inject
    ProbeSlots probeSlots;

    @Inject
    MetricsRecorder metrics;

    @Inject
    LocalCopies sources;

    @Inject
    VolumeReplication replication;

    /** What became of an upload: a new video, or the owner's existing video with the same content. */
    public record Accepted(Video video, boolean duplicate) {
    }

    /**
     * Takes {@code owner}'s streamed upload, with an optional watermark to burn into every video rendition. Whatever
     * becomes of it, its bytes do not stay in incoming/: they become the video, or are not kept.
     */
    public Accepted upload(String owner, String title, String clientFileName, InputStream content, WatermarkUpload watermark,
                           Visibility visibility) {
        Received received = storage.receive(content);
        metrics.uploadReceived(received.size());
        try {
            return accept(owner, title, clientFileName, received, watermark, visibility, Video.newId());
        } finally {
            storage.deleteQuietly(received.path());
        }
    }

    /**
     * Turns bytes already on the media volume (a finished multipart or resumable upload) into the video
     * {@code videoId} and queues its processing; the same content uploaded again by the same owner is the video it
     * already is (with the visibility it has). The received file is moved into the video's folder once its row is
     * committed; otherwise (refused, the same content again, failed) it is left where it is, for the caller to
     * keep or delete.
     */
    public Accepted accept(String owner, String title, String clientFileName, Received received,
                           WatermarkUpload watermark, Visibility visibility, String videoId) {
        String fileName = FileNames.displayName(clientFileName);
        String named = "The file " + (fileName == null ? "" : "\"" + fileName + "\" ");
        if (received.size() == 0) {
            throw new InvalidUploadException(named + "is empty.");
        }
        if (received.size() > config.maxUploadBytes()) {
            throw new InvalidUploadException(413, named + "is larger than the limit of " + config.maxUploadBytes() + " bytes.");
        }
        // A bad watermark is refused whatever the video: checked before the content is looked up.
        Path watermarkImage = watermark == null ? null : receivePng(watermark);
        try {
            Optional<Video> existing = videos.findByOwnerAndSha256(owner, received.sha256());
            if (existing.isPresent()) {
                return new Accepted(finishEarlier(existing.get(), received.path()), true);
            }
            MediaInfo media = probe(received, fileName, named);
            Watermark stored = watermark == null ? null : new Watermark(storage.relative(storage.watermark(videoId)),
                    watermark.corner(), watermark.margin(), watermark.opacity());
            Video video = new Video(videoId, titleFor(title, fileName), fileName,
                    storage.relative(storage.original(videoId)), received.size(), clock.instant());
            video.identifyContent(owner, received.sha256());
            video.recordProbe(media, clock.instant());
            video.applyWatermark(stored);
            video.changeVisibility(visibility, clock.instant());
            video.queue(clock.instant());
            commitFiles(videoId, received.path(), watermarkImage);
            sources.vouchFor(video);
            try {
                videos.addQueued(video);
            } catch (RuntimeException notRecorded) {
                storage.returnOriginal(videoId, received.path());
                storage.deleteVideo(videoId);
                throw notRecorded;
            }
            // Every node may take the task: each gets the source, whichever comes first.
            replication.filesChanged(videoId);
        } finally {
            if (watermarkImage != null) {
                storage.deleteQuietly(watermarkImage);
            }
        }
        return new Accepted(videos.find(videoId).orElseThrow(), false);
    }

    /**
     * The video {@code videoId} of {@code owner}, if an earlier acceptance got as far as recording it before its
     * request failed; finished now (see {@link #finishEarlier}) with the bytes at {@code received}, if they are
     * still there and still needed.
     */
    public Optional<Accepted> acceptedBefore(String owner, String videoId, Path received) {
        return videos.find(videoId).filter(video -> owner.equals(video.owner()))
                .map(video -> new Accepted(finishEarlier(video, received), false));
    }

    /**
     * What an acceptance of the same bytes left undone is done now: the bytes moved into the video's folder, when
     * the row was recorded although its request failed (the answer to its commit lost).
     */
    private Video finishEarlier(Video video, Path received) {
        if (!storage.hasOriginal(video.id()) && Files.isRegularFile(received)) {
            storage.commitOriginal(video.id(), received);
        }
        return video;
    }

    /** Moves the files into the folder of the video about to be recorded; if that fails, the folder goes. */
    private void commitFiles(String videoId, Path received, Path watermarkImage) {
        try {
            if (watermarkImage != null) {
                storage.commitWatermark(videoId, watermarkImage);
            }
            storage.commitOriginal(videoId, received);
        } catch (RuntimeException e) {
            // The upload's rename came last and did not happen: its bytes are where they were.
            storage.deleteVideo(videoId);
            throw e;
        }
    }

    /**
     * ffprobe decides what the file is, not its name or Content-Type; what cannot become a video is refused.
     * It reads nothing but the upload: a playlist, manifest or list that points at other files is refused
     * for what it is, before anything it names is opened. ffprobe's words name the file as the user knows it.
     */
    private MediaInfo probe(Received received, String fileName, String named) {
        String refusal;
        MediaInfo media = null;
        try {
            media = probeSlots.run(() -> prober.probe(AcceptedFormats.upload(received.path())));
            refusal = MediaAcceptance.refusal(media, config.maxDurationSeconds()).orElse(null);
            if (refusal == null && media.container() != null && media.container().startsWith("mov")) {
                refusal = IsoBoxes.cutShort(received.path()).orElse(null);
            }
        } catch (RefusedFormatException e) {
            refusal = AcceptedFormats.refusal(e.format());
        } catch (UnreadableMediaException e) {
            String reason = new PathRedaction(storage.root(), null, received.path(), fileName).apply(e.getMessage());
            refusal = "is not a video or audio file (" + reason + ")";
        }
        if (refusal != null) {
            throw new InvalidUploadException(422, named + refusal + ".");
        }
        return media;
    }

    /** The watermark image, received and checked (see {@link WatermarkImage}). */
    private Path receivePng(WatermarkUpload watermark) {
        Path image = storage.receive(watermark.image()).path();
        try {
            WatermarkImage.check(image);
            return image;
        } catch (InvalidUploadException | UncheckedIOException e) {
            storage.deleteQuietly(image);
            throw e;
        }
    }

    private static String titleFor(String title, String fileName) {
        String chosen = title != null && !title.isBlank() ? title.strip()
                : fileName != null ? FileNames.baseName(fileName) : "Untitled video";
        return chosen.length() <= MAX_TITLE_LENGTH ? chosen : chosen.substring(0, MAX_TITLE_LENGTH);
    }
}
