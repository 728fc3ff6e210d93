package io.mediamill.application;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The processing of one video, as the batch steps report it: started, probed, pictures and renditions
 * produced, published or failed. Each report is a short transaction of its own (or joins the chunk's).
 */
@ApplicationScoped
public class ProcessingService {

    private static final Logger LOG = Logger.getLogger(ProcessingService.class.getName());

    @Inject
    VideoRepository videos;

    @Inject
    TranscodeJobs jobs;

    @Inject
    MediaStorage storage;

    @Inject
    Clock clock;

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

    /** Marks the video as being processed by this job execution and returns where its source is. */
    public Path begin(String videoId, long executionId) {
        Video video = videos.update(videoId, v -> v.startProcessing(executionId, clock.instant()));
        return storage.resolve(video.sourcePath());
    }

    public void recordProbe(String videoId, MediaInfo info) {
        if (!info.hasVideo()) {
            throw new UnsupportedMediaException(info.hasAudio()
                    ? "the file has an audio stream but no video stream"
                    : "the file has no video or audio stream");
        }
        if (info.video().displayWidth() < 2 || info.video().displayHeight() < 2) {
            throw new UnsupportedMediaException("the video stream has no usable picture size");
        }
        videos.update(videoId, video -> {
            video.recordProbe(info, clock.instant());
            video.advanceProgress(5, clock.instant());
        });
    }

    /** The source with its probed size; valid once the probe step has run. */
    public SourceMedia source(String videoId) {
        Video video = videos.find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
        if (video.width() == null || video.height() == null) {
            throw new IllegalStateException("video " + videoId + " has not been probed");
        }
        return new SourceMedia(videoId, storage.resolve(video.sourcePath()), video.width(), video.height(),
                video.durationSeconds());
    }

    @Transactional
    public void recordThumbnails(String videoId, List<ThumbnailFile> files, int progress) {
        videos.update(videoId, video -> {
            files.forEach(f -> video.putThumbnail(f.position(), f.timeSeconds(), f.path(), f.width(), f.height(),
                    clock.instant()));
            video.advanceProgress(progress, clock.instant());
        });
    }

    @Transactional
    public void recordRenditions(String videoId, List<RenditionFile> files, int progress) {
        videos.update(videoId, video -> {
            files.forEach(f -> video.putRendition(f.height(), f.width(), f.bitrate(), f.sizeBytes(), f.path(),
                    clock.instant()));
            video.advanceProgress(progress, clock.instant());
        });
    }

    public void publish(String videoId) {
        videos.update(videoId, video -> video.markReady(clock.instant()));
    }

    /**
     * Records why processing failed, naming the step. Its own transaction: the step's own transaction has
     * usually been rolled back by the time this runs.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String videoId, String step, String reason) {
        LOG.warning(() -> "video " + videoId + " failed in step " + step + ": " + reason);
        videos.update(videoId, video -> video.markFailed(step + ": " + reason, clock.instant()));
    }
}
