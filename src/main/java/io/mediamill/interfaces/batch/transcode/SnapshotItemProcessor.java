package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.SourceMedia;
import io.mediamill.application.ThumbnailFile;
import io.mediamill.infrastructure.media.Transcoder;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;

/** Step 2 processor: one ffmpeg run writes one JPEG, published under its final name only when complete. */
@Dependent
@Named
public class SnapshotItemProcessor implements ItemProcessor {

    /** Thumbnails are for lists and posters: no taller than this. */
    static final int MAX_HEIGHT = 360;

    @Inject
    @BatchProperty
    String videoId;

    @Inject
    ProcessingService processing;

    @Inject
    Transcoder transcoder;

    @Inject
    MediaStorage storage;

    @Override
    public Object processItem(Object item) {
        SnapshotRequest request = (SnapshotRequest) item;
        // Read again for every item: a video deleted meanwhile fails the step here, before ffmpeg runs.
        SourceMedia source = processing.source(videoId);
        int height = Math.min(MAX_HEIGHT, source.height() - source.height() % 2);
        Path target = storage.videoDir(videoId).resolve("thumbnails").resolve(request.position() + ".jpg");
        Path temporary = storage.temporaryFor(target);
        transcoder.snapshot(videoId, source.path(), request.timeSeconds(), height, temporary);
        storage.publish(temporary, target);
        ThumbnailFile file = new ThumbnailFile(request.position(), request.timeSeconds(), storage.relative(target),
                source.widthAtHeight(height), height);
        return new ItemOutput<>(file, request.position(), request.count());
    }
}
