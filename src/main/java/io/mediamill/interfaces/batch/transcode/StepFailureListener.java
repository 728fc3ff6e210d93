package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.ItemProcessListener;
import jakarta.batch.api.chunk.listener.ItemReadListener;
import jakarta.batch.api.chunk.listener.ItemWriteListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks the video FAILED when a step fails, naming the step and the root cause (for ffmpeg, its stderr tail).
 * It also listens to the chunk steps' items, which is where both batch runtimes hand over a chunk's failure.
 */
@Dependent
@Named
public class StepFailureListener implements StepListener, ItemReadListener, ItemProcessListener, ItemWriteListener {

    private static final Logger LOG = Logger.getLogger(StepFailureListener.class.getName());

    @Inject
    @BatchProperty
    String videoId;

    @Inject
    StepContext stepContext;

    @Inject
    ProcessingService processing;

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
            processing.fail(videoId, stepContext.getStepName(), reason);
        } catch (RuntimeException e) {
            // The video may have been deleted while it was processed: nothing left to mark.
            LOG.log(Level.WARNING, "could not record the failure of video " + videoId, e);
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
}
