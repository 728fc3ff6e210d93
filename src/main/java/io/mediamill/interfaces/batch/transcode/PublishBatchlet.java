package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step 4: everything is in place, the video becomes READY. */
@Dependent
@Named
public class PublishBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;


    @Inject
    ProcessingService processing;

    @Inject
    StepContext stepContext;

    @Override
    public String process() {
        StepFailure.recording(stepContext, () -> processing.publish(videoId()));
        return BatchStatus.COMPLETED.name();
    }

    private String videoId() {
        return VideoJob.videoId(jobContext);
    }
}
