package io.mediamill.interfaces.batch.slideshow;

import io.mediamill.application.slideshow.SlideshowComposer;
import io.mediamill.interfaces.batch.transcode.VideoJob;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step "compose" processor: renders one batch of images (ffmpeg) into its file. */
@Dependent
@Named("slideshowBatchProcessor")
public class BatchItemProcessor implements ItemProcessor {

    @Inject
    JobContext jobContext;

    @Inject
    SlideshowComposer composer;

    @Override
    public Object processItem(Object batch) {
        composer.render(VideoJob.videoId(jobContext), (Integer) batch);
        return batch;
    }
}
