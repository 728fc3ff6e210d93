package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.infrastructure.media.MediaProber;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step 1: the video is being processed; ffprobe reads the source unless the upload already did. */
@Dependent
@Named
public class ProbeBatchlet extends AbstractBatchlet {


    @Inject
    JobContext jobContext;

    @Inject
    ProcessingService processing;

    @Inject
    StepContext stepContext;

    @Inject
    MediaProber prober;

    @Override
    public String process() {
        StepFailure.recording(stepContext, () -> processing.unprobedSource(videoId())
                .ifPresent(source -> processing.recordProbe(videoId(), prober.probe(source))));
        return BatchStatus.COMPLETED.name();
    }

    private String videoId() {
        return VideoJob.videoId(jobContext);
    }
}
