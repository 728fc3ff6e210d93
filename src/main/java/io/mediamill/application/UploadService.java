package io.mediamill.application;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.Visibility;
import io.mediamill.domain.model.video.Watermark;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.MediaProber;
import io.mediamill.infrastructure.media.RefusedFormatException;
import io.mediamill.infrastructure.media.UnreadableMediaException;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.infrastructure.storage.Received;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Accepts an uploaded file: streams it onto the media volume (or takes a finished resumable upload), records
 * the video and queues its processing.
 * The file is committed first; the row and its task in the processing queue next, in one transaction, so a
 * video is never recorded without the task that processes it.
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

    /** What became of an upload: a new video, or the owner's existing video with the same content. */
    public record Accepted(Video video, boolean duplicate) {
    }

    /** Takes {@code owner}'s streamed upload, with an optional watermark to burn into every video rendition. */
    public Accepted upload(String owner, String title, String clientFileName, InputStream content, WatermarkUpload watermark,
                           Visibility visibility) {
        Received received = storage.receive(content);
        metrics.uploadReceived(received.size());
        return accept(owner, title, clientFileName, received, watermark, visibility);
    }

    /**
     * Turns bytes already on the media volume (a finished multipart or resumable upload) into a video and
     * queues its processing; the same content uploaded again by the same owner is the video it already is
     * (with the visibility it has).
     */
    public Accepted accept(String owner, String title, String clientFileName, Received received,
                           WatermarkUpload watermark, Visibility visibility) {
        String fileName = FileNames.displayName(clientFileName);
        String named = "The file " + (fileName == null ? "" : "\"" + fileName + "\" ");
        if (received.size() == 0) {
            storage.deleteQuietly(received.path());
            throw new InvalidUploadException(named + "is empty.");
        }
        if (received.size() > config.maxUploadBytes()) {
            storage.deleteQuietly(received.path());
            throw new InvalidUploadException(413, named + "is larger than the limit of " + config.maxUploadBytes() + " bytes.");
        }
        // A bad watermark is refused whatever the video: checked before the content is looked up.
        Path watermarkImage = watermark == null ? null : receivePng(watermark, received);
        Optional<Video> existing = videos.findByOwnerAndSha256(owner, received.sha256());
        if (existing.isPresent()) {
            storage.deleteQuietly(received.path());
            if (watermarkImage != null) {
                storage.deleteQuietly(watermarkImage);
            }
            return new Accepted(existing.get(), true);
        }
        MediaInfo media = probe(received, fileName, named, watermarkImage);
        String videoId = Video.newId();
        try {
            Watermark stored = watermark == null ? null : new Watermark(
                    storage.commitWatermark(videoId, watermarkImage), watermark.corner(), watermark.margin(),
                    watermark.opacity());
            String sourcePath = storage.commitOriginal(videoId, received.path());
            Video video = new Video(videoId, titleFor(title, fileName), fileName, sourcePath, received.size(), clock.instant());
            video.identifyContent(owner, received.sha256());
            video.recordProbe(media, clock.instant());
            video.applyWatermark(stored);
            video.changeVisibility(visibility, clock.instant());
            video.queue(clock.instant());
            videos.addQueued(video);
        } catch (RuntimeException e) {
            storage.deleteQuietly(received.path());
            if (watermarkImage != null) {
                storage.deleteQuietly(watermarkImage);
            }
            storage.deleteVideo(videoId);
            throw e;
        }
        return new Accepted(videos.find(videoId).orElseThrow(), false);
    }

    /**
     * ffprobe decides what the file is, not its name or Content-Type; what cannot become a video is refused.
     * It reads nothing but the upload: a playlist, manifest or list that points at other files is refused
     * for what it is, before anything it names is opened. ffprobe's words name the file as the user knows it.
     */
    private MediaInfo probe(Received received, String fileName, String named, Path watermarkImage) {
        String refusal;
        MediaInfo media = null;
        try {
            media = probeSlots.run(() -> prober.probe(AcceptedFormats.upload(received.path())));
            refusal = MediaAcceptance.refusal(media, config.maxDurationSeconds()).orElse(null);
        } catch (RefusedFormatException e) {
            refusal = AcceptedFormats.refusal(e.format());
        } catch (UnreadableMediaException e) {
            String reason = new PathRedaction(storage.root(), null, received.path(), fileName).apply(e.getMessage());
            refusal = "is not a video or audio file (" + reason + ")";
        }
        if (refusal != null) {
            storage.deleteQuietly(received.path());
            if (watermarkImage != null) {
                storage.deleteQuietly(watermarkImage);
            }
            throw new InvalidUploadException(422, named + refusal + ".");
        }
        return media;
    }

    /** The watermark image, received and checked (see {@link WatermarkImage}). */
    private Path receivePng(WatermarkUpload watermark, Received video) {
        Path image = storage.receive(watermark.image()).path();
        try {
            WatermarkImage.check(image);
            return image;
        } catch (InvalidUploadException | UncheckedIOException e) {
            storage.deleteQuietly(image);
            storage.deleteQuietly(video.path());
            throw e;
        }
    }

    private static String titleFor(String title, String fileName) {
        String chosen = title != null && !title.isBlank() ? title.strip()
                : fileName != null ? FileNames.baseName(fileName) : "Untitled video";
        return chosen.length() <= MAX_TITLE_LENGTH ? chosen : chosen.substring(0, MAX_TITLE_LENGTH);
    }
}
