package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.RenditionFile;
import io.mediamill.application.SourceMedia;
import io.mediamill.domain.model.video.RenditionLadder;
import io.mediamill.domain.model.video.RenditionProfile;
import io.mediamill.infrastructure.media.Transcoder;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Step 3 processor: one ffmpeg run encodes one rung into an MP4, published under its final name only when complete. */
@Dependent
@Named
public class RenditionItemProcessor implements ItemProcessor {

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
        RenditionProfile profile = (RenditionProfile) item;
        // Read again for every item: a video deleted meanwhile fails the step here, before ffmpeg runs.
        SourceMedia source = processing.source(videoId);
        List<RenditionProfile> ladder = RenditionLadder.forSourceHeight(source.height());
        Path target = storage.videoDir(videoId).resolve("renditions").resolve(profile.name() + ".mp4");
        Path temporary = storage.temporaryFor(target);
        transcoder.rendition(videoId, source.path(), profile, temporary, source.durationSeconds());
        storage.publish(temporary, target);
        long size = size(target);
        double seconds = source.durationSeconds() == null ? 0 : source.durationSeconds();
        long bitrate = seconds > 0 ? Math.round(size * 8 / seconds) : 0;
        RenditionFile file = new RenditionFile(profile.height(), source.widthAtHeight(profile.height()), bitrate, size,
                storage.relative(target));
        return new ItemOutput<>(file, ladder.indexOf(profile), ladder.size());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
