package io.mediamill.application;

import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.infrastructure.media.Transcoder;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;

/** Looking videos up, listing them, handing back their originals, and deleting them with their files. */
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
    TranscodeJobs jobs;

    @Inject
    Transcoder transcoder;

    public Video get(String videoId) {
        return videos.find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
    }

    /**
     * The original upload of a video, to hand back as a download (it is never served from /media): the one
     * place to check that the requester may have it.
     */
    public Original original(String videoId) {
        Video video = get(videoId);
        return new Original(storage.resolve(video.sourcePath()), video.originalFilename());
    }

    public List<Video> newestFirst(int page, int size) {
        return videos.newestFirst(page * size, size);
    }

    public long count() {
        return videos.count();
    }

    /** Stops processing if it is still running (job and ffmpeg), then removes the row and every file of the video. */
    public void delete(String videoId) {
        Video video = get(videoId);
        if (!video.status().isFinal()) {
            jobs.stopIfRunning(video.jobExecutionId());
        }
        videos.remove(videoId);
        transcoder.cancel(videoId);
        storage.deleteVideo(videoId);
    }
}
