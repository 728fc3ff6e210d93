package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job stopped before it finished (server shutdown, or a stop request) would leave its video PROCESSING
 * for ever; it is marked FAILED instead, saying so. Restarting the execution resumes from its checkpoint.
 */
@Dependent
@Named
public class StoppedJobListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(StoppedJobListener.class.getName());

    @Inject
    @BatchProperty
    String videoId;

    @Inject
    JobContext jobContext;

    @Inject
    ProcessingService processing;

    @Override
    public void afterJob() {
        if (jobContext.getBatchStatus() != BatchStatus.STOPPED && jobContext.getBatchStatus() != BatchStatus.STOPPING) {
            return;
        }
        try {
            processing.fail(videoId, "job", "processing was stopped before it finished (job execution "
                    + jobContext.getExecutionId() + ")");
        } catch (RuntimeException e) {
            // A video deleted while it was processed is stopped on purpose: nothing left to mark.
            LOG.log(Level.FINE, "video " + videoId + " is gone", e);
        }
    }
}
