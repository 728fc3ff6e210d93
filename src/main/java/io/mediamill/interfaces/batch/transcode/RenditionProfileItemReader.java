package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.domain.model.video.RenditionLadder;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Step 3 reader: the rungs of the ladder that fit the source, tallest first. */
@Dependent
@Named
public class RenditionProfileItemReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String videoId;

    @Inject
    ProcessingService processing;

    private IndexCheckpoint<?> cursor;

    @Override
    public void open(Serializable checkpoint) {
        cursor = new IndexCheckpoint<>(RenditionLadder.forSourceHeight(processing.source(videoId).height()), checkpoint);
    }

    @Override
    public Object readItem() {
        return cursor.nextItem();
    }

    @Override
    public Serializable checkpointInfo() {
        return cursor.checkpoint();
    }
}
