package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.JobControl;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells job control that an execution began and how it ended, whoever started it: the queue, an operator
 * through our console, or the server's own batch console or CLI. Each execution is one attempt of its video.
 */
@Dependent
@Named
public class AttemptJobListener implements JobListener {

    private static final Logger LOG = Logger.getLogger(AttemptJobListener.class.getName());

    @Inject
    JobContext jobContext;

    @Inject
    JobControl jobControl;

    @Override
    public void beforeJob() {
        jobControl.executionStarted(VideoJob.videoId(jobContext), jobContext.getExecutionId());
    }

    @Override
    public void afterJob() {
        try {
            jobControl.executionEnded(VideoJob.videoId(jobContext), jobContext.getExecutionId(), jobContext.getBatchStatus());
        } catch (RuntimeException e) {
            // The video may have been deleted while it was processed: nothing left to record.
            LOG.log(Level.WARNING, "could not record the end of job execution " + jobContext.getExecutionId(), e);
        }
    }
}
