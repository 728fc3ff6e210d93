package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.SourceMedia;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Step 2 reader: the pictures a video gets (see {@link PictureRequest#plan}). */
@Dependent
@Named
public class PictureItemReader extends AbstractItemReader {

    @Inject
    JobContext jobContext;


    @Inject
    ProcessingService processing;

    @Inject
    MediamillConfig config;

    private IndexCheckpoint<PictureRequest> cursor;

    @Override
    public void open(Serializable checkpoint) {
        SourceMedia source = processing.source(videoId());
        cursor = new IndexCheckpoint<>(PictureRequest.plan(source.hasVideo(), source.duration(), source.width(),
                source.height(), config.snapshotCount()), checkpoint);
    }

    @Override
    public Object readItem() {
        return cursor.nextItem();
    }

    @Override
    public Serializable checkpointInfo() {
        return cursor.checkpoint();
    }

    private String videoId() {
        return VideoJob.videoId(jobContext);
    }
}
