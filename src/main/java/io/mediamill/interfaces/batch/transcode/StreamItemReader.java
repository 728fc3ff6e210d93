package io.mediamill.interfaces.batch.transcode;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Step 3 reader: the ladder, then the download; a restart after a finished ladder goes straight to the download. */
@Dependent
@Named
public class StreamItemReader extends AbstractItemReader {

    private IndexCheckpoint<StreamOutput> cursor;

    @Override
    public void open(Serializable checkpoint) {
        cursor = new IndexCheckpoint<>(List.of(StreamOutput.values()), checkpoint);
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
