package io.mediamill.interfaces.batch.slideshow;

import io.mediamill.application.slideshow.SlideshowComposer;
import io.mediamill.interfaces.batch.transcode.VideoJob;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Step "compose" reader: the composition's batches by number. The checkpoint is the next batch, so a restart goes on
 * from there; on a node that lacks an earlier batch's file (rendered by a node that died), from that batch.
 */
@Dependent
@Named("slideshowBatchReader")
public class BatchItemReader extends AbstractItemReader {

    @Inject
    JobContext jobContext;

    @Inject
    SlideshowComposer composer;

    private int next;
    private int count;

    @Override
    public void open(Serializable checkpoint) {
        String videoId = VideoJob.videoId(jobContext);
        count = composer.batchCount(videoId);
        next = composer.resumeFrom(videoId, checkpoint == null ? 0 : (Integer) checkpoint);
    }

    @Override
    public Object readItem() {
        return next < count ? next++ : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
