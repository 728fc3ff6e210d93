package io.mediamill.interfaces.batch.slideshow;

import io.mediamill.application.slideshow.SlideshowComposer;
import io.mediamill.interfaces.batch.transcode.StepFailure;
import io.mediamill.interfaces.batch.transcode.VideoJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step "soundtrack": joins the batches and adds the music (or silence); the result is the video's source. */
@Dependent
@Named("slideshowSoundtrackBatchlet")
public class SoundtrackBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    SlideshowComposer composer;

    @Override
    public String process() {
        StepFailure.recording(stepContext, () -> composer.assemble(VideoJob.videoId(jobContext)));
        return BatchStatus.COMPLETED.name();
    }
}
