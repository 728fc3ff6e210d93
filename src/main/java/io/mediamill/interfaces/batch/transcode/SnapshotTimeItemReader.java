package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.SourceMedia;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Step 2 reader: the times of the snapshots, evenly spaced and centred in their slices (never the black first frame). */
@Dependent
@Named
public class SnapshotTimeItemReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String videoId;

    @Inject
    ProcessingService processing;

    @Inject
    MediamillConfig config;

    private IndexCheckpoint<SnapshotRequest> cursor;

    @Override
    public void open(Serializable checkpoint) {
        SourceMedia source = processing.source(videoId);
        cursor = new IndexCheckpoint<>(plan(source.durationSeconds(), config.snapshotCount()), checkpoint);
    }

    static List<SnapshotRequest> plan(Double durationSeconds, int count) {
        double duration = durationSeconds == null ? 0 : durationSeconds;
        List<SnapshotRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(new SnapshotRequest(i, count, duration * (i + 0.5) / count));
        }
        return requests;
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
