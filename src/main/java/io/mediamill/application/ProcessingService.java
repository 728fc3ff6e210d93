package io.mediamill.application;

import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.Watermark;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.MediaInput;
import io.mediamill.infrastructure.media.WatermarkOverlay;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The processing of one video, as the batch steps report it: probed, pictures, stream and download produced,
 * published or failed. Each report is a short transaction of its own (or joins the chunk's).
 */
@ApplicationScoped
public class ProcessingService {

    private static final Logger LOG = Logger.getLogger(ProcessingService.class.getName());
    private static final long PROGRESS_FLUSH_SECONDS = 2;

    @Inject
    VideoRepository videos;

    @Inject
    MediaStorage storage;

    @Inject
    Clock clock;

    @Inject
    MediamillConfig config;

    @Inject
    VolumeReplication replication;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * The video's source, to be read as an upload is, when it still needs probing (uploads are probed when they
     * arrive, so usually it does not).
     */
    public Optional<MediaInput> unprobedSource(String videoId) {
        Video video = videos.find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
        return video.isProbed() ? Optional.empty() : Optional.of(AcceptedFormats.upload(storage.resolve(video.sourcePath())));
    }

    public void recordProbe(String videoId, MediaInfo info) {
        MediaAcceptance.refusal(info, config.maxDurationSeconds()).ifPresent(refusal -> {
            throw new UnsupportedMediaException("the file " + refusal);
        });
        videos.update(videoId, video -> {
            video.recordProbe(info, clock.instant());
            video.advanceProgress(5, clock.instant());
        });
    }

    /** The source with its probed facts; valid once the probe step has run. */
    public SourceMedia source(String videoId) {
        Video video = videos.find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
        if (!video.isProbed()) {
            throw new IllegalStateException("video " + videoId + " has not been probed");
        }
        WatermarkOverlay overlay = video.watermark().map(this::overlay).orElse(null);
        return new SourceMedia(videoId, AcceptedFormats.source(storage.resolve(video.sourcePath()), video.container()),
                video.sourceFacts(), video.durationSeconds(), overlay);
    }

    private WatermarkOverlay overlay(Watermark watermark) {
        return new WatermarkOverlay(AcceptedFormats.watermark(storage.resolve(watermark.path())), watermark.corner(),
                watermark.margin(), watermark.opacity());
    }

    public void recordPictures(String videoId, List<PictureFile> files, int progress) {
        videos.update(videoId, video -> {
            for (PictureFile file : files) {
                switch (file.kind()) {
                    case POSTER -> video.recordPoster(file.path(), clock.instant());
                    case STORYBOARD -> video.recordStoryboard(file.path(), clock.instant());
                    case SNAPSHOT -> video.putThumbnail(file.position(), file.timeSeconds(), file.path(), file.width(),
                            file.height(), clock.instant());
                }
            }
            video.advanceProgress(progress, clock.instant());
        });
    }

    public void recordStream(String videoId, StreamFiles stream, int progress) {
        videos.update(videoId, video -> {
            video.recordStream(stream.hlsPath(), stream.dashPath(), clock.instant());
            video.replaceRenditions(stream.renditions(), clock.instant());
            video.advanceProgress(progress, clock.instant());
        });
    }

    public void recordDownload(String videoId, String path, int progress) {
        videos.update(videoId, video -> {
            video.recordDownload(path, clock.instant());
            video.advanceProgress(progress, clock.instant());
        });
    }

    /**
     * Starts following an ffmpeg run over the whole source: its media time maps onto the video's progress
     * between the two percentages, saved every few seconds until the report is closed.
     */
    public ProgressReport trackProgress(String videoId, double durationSeconds, int fromPercent, int toPercent) {
        return track(videoId, durationSeconds, fromPercent, toPercent, false);
    }

    /** As {@link #trackProgress}, for an ffmpeg run that composes the video: percentages of composing. */
    public ProgressReport trackComposing(String videoId, double durationSeconds, int fromPercent, int toPercent) {
        return track(videoId, durationSeconds, fromPercent, toPercent, true);
    }

    /** Composing's progress, 0–100, reached. */
    public void recordComposing(String videoId, int percent) {
        videos.update(videoId, video -> video.advanceComposing(percent, clock.instant()));
    }

    private ProgressReport track(String videoId, double durationSeconds, int fromPercent, int toPercent, boolean composing) {
        ProgressReport report = new ProgressReport(durationSeconds, fromPercent, toPercent);
        report.flushWith(scheduler.scheduleWithFixedDelay(() -> saveProgress(videoId, report.takeLatest(), composing),
                PROGRESS_FLUSH_SECONDS, PROGRESS_FLUSH_SECONDS, TimeUnit.SECONDS));
        return report;
    }

    private void saveProgress(String videoId, int percent, boolean composing) {
        if (percent < 0) {
            return;
        }
        try {
            videos.update(videoId, video -> {
                if (composing) {
                    video.advanceComposing(percent, clock.instant());
                } else {
                    video.advanceProgress(percent, clock.instant());
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "progress of video " + videoId + " not saved", e);
        }
    }

    /** The video is READY, and its outputs go to every peer. */
    public void publish(String videoId) {
        videos.update(videoId, video -> video.markReady(clock.instant()));
        replication.filesChanged(videoId);
    }

    /**
     * Records why processing failed, naming the step. Its own transaction: the step's own transaction has
     * usually been rolled back by the time this runs. The reason as given (for ffmpeg, its stderr tail with
     * the paths it was handed) goes to the server log for operators; the video's {@code error}, which its
     * uploader sees, names their file and no path on the server.
     */
    public void fail(String videoId, String step, String reason) {
        LOG.warning(() -> "video " + videoId + " failed in step " + step + ": " + reason);
        videos.updateOnItsOwn(videoId, video -> video.markFailed(step + ": " + redaction(video).apply(reason), clock.instant()));
    }

    /**
     * Records why a step of the running attempt failed, as {@link #fail} words it, leaving the video's status
     * to the queue (which may try again); returns the words saved (the reason without server paths).
     */
    public String recordError(String videoId, String step, String reason) {
        LOG.warning(() -> "video " + videoId + " failed in step " + step + ": " + reason);
        String[] words = new String[1];
        videos.updateOnItsOwn(videoId, video -> {
            words[0] = redaction(video).apply(reason);
            video.recordError(step + ": " + words[0], clock.instant());
        });
        return words[0];
    }

    private PathRedaction redaction(Video video) {
        return new PathRedaction(storage.root(), storage.videoDir(video.id()), storage.resolve(video.sourcePath()),
                video.originalFilename());
    }
}
