package io.mediamill.application;

import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.processing.Attempt;
import io.mediamill.domain.model.processing.ProcessingQueue;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.VideoStatus;
import io.mediamill.domain.model.video.Visibility;
import io.mediamill.infrastructure.media.Transcoder;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Looking videos up, listing, changing and deleting them, handing back their originals, as their owner or an
 * operator. A video someone may not act on is, to them, a video that does not exist: ids of others' videos do
 * not leak.
 */
@ApplicationScoped
public class VideoService {

    /** An upload as it arrived: where it lies, and the file name it came with (null when it had none). */
    public record Original(Path path, String fileName) {
    }

    @Inject
    VideoRepository videos;

    @Inject
    MediaStorage storage;

    @Inject
    BatchJobs jobs;

    @Inject
    Transcoder transcoder;

    @Inject
    JobControl jobControl;

    @Inject
    ProcessingQueue queue;

    @Inject
    Clock clock;

    @Inject
    VolumeReplication replication;

    /** @throws VideoNotFoundException when there is no such video or it is someone else's */
    /** Whether the video exists and is READY (access is decided elsewhere: this tells nothing about whose it is). */
    public boolean isReady(String videoId) {
        return videos.find(videoId).map(video -> video.status() == VideoStatus.READY).orElse(false);
    }

    public Video get(Actor actor, String videoId) {
        return videos.find(videoId).filter(video -> actor.mayActOn(video.owner()))
                .orElseThrow(() -> new VideoNotFoundException(videoId));
    }

    /** Operators page through every video, everyone else through their own. */
    public List<Video> newestFirst(Actor actor, int page, int size) {
        return actor.isOperator() ? videos.newestFirst(page * size, size)
                : videos.newestFirstOwnedBy(actor.username(), page * size, size);
    }

    /**
     * The original upload of a video, to hand back as a download (it is never served from /media): the owner's
     * and operators' only.
     */
    public Original original(Actor actor, String videoId) {
        Video video = get(actor, videoId);
        return new Original(storage.resolve(video.sourcePath()), video.originalFilename());
    }

    public long count(Actor actor) {
        return actor.isOperator() ? videos.count() : videos.countOwnedBy(actor.username());
    }

    /** Changes what the owner may change; a null value stays as it is. */
    public Video update(Actor actor, String videoId, String title, Visibility visibility) {
        get(actor, videoId);
        try {
            return videos.update(videoId, video -> {
                if (title != null) {
                    video.retitle(title, clock.instant());
                }
                if (visibility != null) {
                    video.changeVisibility(visibility, clock.instant());
                }
            });
        } catch (IllegalArgumentException e) {
            throw new InvalidUploadException("title must have 1 to 500 characters.");
        }
    }

    /** The video's processing attempts, first first. */
    public List<Attempt> attempts(Actor actor, String videoId) {
        get(actor, videoId);
        return jobControl.attempts(videoId);
    }

    /** Restarts a failed video's job from its checkpoints. */
    public Video restart(Actor actor, String videoId) {
        get(actor, videoId);
        jobControl.restartVideo(videoId);
        return videos.find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
    }

    /** Stops processing if it is still running (job and ffmpeg), then removes the row and every file of the video, here and on every peer. */
    public void delete(Actor actor, String videoId) {
        Video video = get(actor, videoId);
        if (!video.status().isFinal()) {
            jobs.stopIfRunning(video.jobExecutionId());
        }
        videos.remove(videoId);
        queue.withdraw(videoId);
        transcoder.cancel(videoId);
        storage.deleteVideo(videoId);
        replication.videoDeleted(videoId);
    }
}
