package io.mediamill.application;

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
 * The processing of one video, as the batch steps report it: started, probed, pictures, stream and download
 * produced, published or failed; and its restart. Each report is a short transaction of its own (or joins
 * the chunk's).
 */
@ApplicationScoped
public class ProcessingService {

    private static final Logger LOG = Logger.getLogger(ProcessingService.class.getName());
    private static final long PROGRESS_FLUSH_SECONDS = 2;

    @Inject
    VideoRepository videos;

    @Inject
    TranscodeJobs jobs;

    @Inject
    MediaStorage storage;

    @Inject
    Clock clock;

    @Inject
    MediamillConfig config;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Queues a video and starts its job; a job that cannot even start fails the video with the reason. */
    public void enqueue(String videoId) {
        videos.update(videoId, video -> video.queue(clock.instant()));
        try {
            jobs.start(videoId);
        } catch (RuntimeException e) {
            LOG.severe("could not start processing of video " + videoId + ": " + e);
            fail(videoId, "queue", "could not start processing: " + e.getMessage());
        }
    }

    /** Restarts the failed job of a video from its checkpoints. */
    public Video restart(String videoId) {
        Video video = videos.update(videoId, v -> v.resume(clock.instant()));
        long execution = jobs.restart(video.jobExecutionId(), videoId);
        return videos.update(videoId, v -> v.attachExecution(execution, clock.instant()));
    }

    /**
     * Marks the video as being processed by this job execution; returns its source, to be read as an upload
     * is, when it still needs probing (uploads are probed when they arrive, so usually it does not).
     */
    public Optional<MediaInput> begin(String videoId, long executionId) {
        Video video = videos.update(videoId, v -> v.startProcessing(executionId, clock.instant()));
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
        ProgressReport report = new ProgressReport(durationSeconds, fromPercent, toPercent);
        report.flushWith(scheduler.scheduleWithFixedDelay(() -> saveProgress(videoId, report.takeLatest()),
                PROGRESS_FLUSH_SECONDS, PROGRESS_FLUSH_SECONDS, TimeUnit.SECONDS));
        return report;
    }

    private void saveProgress(String videoId, int percent) {
        if (percent < 0) {
            return;
        }
        try {
            videos.update(videoId, video -> video.advanceProgress(percent, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "progress of video " + videoId + " not saved", e);
        }
    }

    public void publish(String videoId) {
        videos.update(videoId, video -> video.markReady(clock.instant()));
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

    private PathRedaction redaction(Video video) {
        return new PathRedaction(storage.root(), storage.videoDir(video.id()), storage.resolve(video.sourcePath()),
                video.originalFilename());
    }
}
