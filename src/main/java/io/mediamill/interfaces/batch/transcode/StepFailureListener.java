package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.JobControl;
import io.mediamill.application.UnsupportedMediaException;
import io.mediamill.infrastructure.media.RefusedFormatException;
import jakarta.batch.api.chunk.listener.ItemProcessListener;
import jakarta.batch.api.chunk.listener.ItemReadListener;
import jakarta.batch.api.chunk.listener.ItemWriteListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records why a step failed on its attempt and its video, naming the step and the root cause (for ffmpeg, its
 * stderr tail); whether the video gets another attempt is the queue's decision.
 * It also listens to the chunk steps' items, which is where both batch runtimes hand over a chunk's failure.
 */
@Dependent
@Named
public class StepFailureListener implements StepListener, ItemReadListener, ItemProcessListener, ItemWriteListener {

    @Inject
    JobContext jobContext;

    private static final Logger LOG = Logger.getLogger(StepFailureListener.class.getName());


    @Inject
    StepContext stepContext;

    @Inject
    JobControl jobControl;

    @Override
    public void beforeStep() {
    }

    @Override
    public void afterStep() {
        Exception failure = StepFailure.of(stepContext);
        if (failure == null && stepContext.getBatchStatus() != BatchStatus.FAILED) {
            return;
        }
        String reason = failure == null ? "the step failed" : rootMessage(failure);
        try {
            jobControl.stepFailed(videoId(), jobContext.getExecutionId(), stepContext.getStepName(), reason,
                    !isPermanent(failure));
        } catch (RuntimeException e) {
            // The video may have been deleted while it was processed: nothing left to mark.
            LOG.log(Level.WARNING, "could not record the failure of video " + videoId(), e);
        }
    }

    @Override
    public void beforeRead() {
    }

    @Override
    public void afterRead(Object item) {
    }

    @Override
    public void onReadError(Exception failure) {
        StepFailure.remember(stepContext, failure);
    }

    @Override
    public void beforeProcess(Object item) {
    }

    @Override
    public void afterProcess(Object item, Object result) {
    }

    @Override
    public void onProcessError(Object item, Exception failure) {
        StepFailure.remember(stepContext, failure);
    }

    @Override
    public void beforeWrite(List<Object> items) {
    }

    @Override
    public void afterWrite(List<Object> items) {
    }

    @Override
    public void onWriteError(List<Object> items, Exception failure) {
        StepFailure.remember(stepContext, failure);
    }

    /** A file we cannot make a video of stays so however often it is tried. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedMediaException || t instanceof RefusedFormatException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Batch runtimes wrap what the artifact threw. Our own exceptions carry the words meant for people, so
     * the outermost of ours wins; otherwise the innermost cause says most.
     */
    static String rootMessage(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("io.mediamill.") && t.getMessage() != null) {
                return t.getMessage();
            }
            innermost = t;
        }
        String message = innermost.getMessage();
        return message == null || message.isBlank() ? innermost.getClass().getSimpleName() : message;
    }

    private String videoId() {
        return VideoJob.videoId(jobContext);
    }
}
