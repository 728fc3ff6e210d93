package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.PictureFile;
import io.mediamill.application.ProcessingService;
import io.mediamill.application.SourceMedia;
import io.mediamill.domain.model.video.StoryboardLayout;
import io.mediamill.infrastructure.media.Transcoder;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;

/** Step 2 processor: one ffmpeg run per picture, published under its final name only when complete. */
@Dependent
@Named
public class PictureItemProcessor implements ItemProcessor {

    @Inject
    JobContext jobContext;

    /** Posters and snapshots are for lists and players' first frame: no taller than this. */
    static final int MAX_HEIGHT = 720;
    static final int SNAPSHOT_HEIGHT = 360;


    @Inject
    ProcessingService processing;

    @Inject
    Transcoder transcoder;

    @Inject
    MediaStorage storage;

    @Override
    public Object processItem(Object item) {
        // Read again for every item: a video deleted meanwhile fails the step here, before ffmpeg runs.
        SourceMedia source = processing.source(videoId());
        if (item instanceof PictureRequest.Poster poster) {
            return poster(source, poster, storage.poster(videoId()));
        }
        if (item instanceof PictureRequest.Snapshot snapshot) {
            return snapshot(source, snapshot, storage.snapshot(videoId(), snapshot.position()));
        }
        if (item instanceof PictureRequest.Storyboard storyboard) {
            return storyboard(source, storyboard.layout());
        }
        return waveform(source, storage.poster(videoId()));
    }

    private PictureFile poster(SourceMedia source, PictureRequest.Poster poster, Path target) {
        int height = evenAtMost(source.height(), MAX_HEIGHT);
        storage.produce(target, temporary -> transcoder.poster(videoId(), source.input(), poster.startSeconds(), height,
                temporary));
        return new PictureFile(PictureFile.Kind.POSTER, 0, poster.startSeconds(), storage.relative(target),
                source.widthAtHeight(height), height);
    }

    private PictureFile snapshot(SourceMedia source, PictureRequest.Snapshot snapshot, Path target) {
        int height = evenAtMost(source.height(), SNAPSHOT_HEIGHT);
        storage.produce(target, temporary -> transcoder.snapshot(videoId(), source.input(), snapshot.timeSeconds(), height,
                temporary));
        return new PictureFile(PictureFile.Kind.SNAPSHOT, snapshot.position(), snapshot.timeSeconds(),
                storage.relative(target), source.widthAtHeight(height), height);
    }

    /** The sprite first, then the track that points into it, so the track never names a missing image. */
    private PictureFile storyboard(SourceMedia source, StoryboardLayout layout) {
        Path sprite = storage.storyboardSprite(videoId());
        storage.produce(sprite, temporary -> transcoder.storyboard(videoId(), source.input(), layout.intervalSeconds(),
                layout.tileWidth(), layout.tileHeight(), layout.columns(), layout.rows(), temporary,
                source.durationSeconds()));
        Path track = storage.storyboardTrack(videoId());
        storage.writeAtomically(track, layout.webVtt(sprite.getFileName().toString()));
        return new PictureFile(PictureFile.Kind.STORYBOARD, 0, 0, storage.relative(track),
                layout.tileWidth() * layout.columns(), layout.tileHeight() * layout.rows());
    }

    private PictureFile waveform(SourceMedia source, Path target) {
        storage.produce(target, temporary -> transcoder.waveformPoster(videoId(), source.input(), 1280, 720, temporary));
        return new PictureFile(PictureFile.Kind.POSTER, 0, 0, storage.relative(target), 1280, 720);
    }

    private static int evenAtMost(int height, int limit) {
        int bounded = Math.min(height, limit);
        return bounded - bounded % 2;
    }

    private String videoId() {
        return VideoJob.videoId(jobContext);
    }
}
