package io.mediamill.interfaces.batch.transcode;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.StepContext;
import java.io.Serializable;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StepFailureTest {

    @Test
    void theRuntimesOwnExceptionWins() {
        IllegalStateException reported = new IllegalStateException("reported");
        Step step = new Step(reported);
        StepFailure.remember(step, new IllegalArgumentException("remembered"));

        assertSame(reported, StepFailure.of(step));
    }

    @Test
    void withoutOneTheFirstRememberedFailureIsTheCause() {
        Step step = new Step(null);
        IllegalArgumentException first = new IllegalArgumentException("ffmpeg exited with 1");
        StepFailure.remember(step, first);
        StepFailure.remember(step, new IllegalStateException("rollback failed afterwards"));

        assertSame(first, StepFailure.of(step));
    }

    @Test
    void aStepThatFailedSilentlyHasNoCause() {
        assertNull(StepFailure.of(new Step(null)));
    }

    /** A step context as JBatch gives it: an exception only if the runtime kept one. */
    private static final class Step implements StepContext {
        private final Exception exception;
        private Object transientUserData;

        Step(Exception exception) {
            this.exception = exception;
        }

        @Override
        public Exception getException() {
            return exception;
        }

        @Override
        public Object getTransientUserData() {
            return transientUserData;
        }

        @Override
        public void setTransientUserData(Object data) {
            transientUserData = data;
        }

        @Override
        public String getStepName() {
            return "renditions";
        }

        @Override
        public long getStepExecutionId() {
            return 1;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public Serializable getPersistentUserData() {
            return null;
        }

        @Override
        public void setPersistentUserData(Serializable data) {
        }

        @Override
        public BatchStatus getBatchStatus() {
            return BatchStatus.FAILED;
        }

        @Override
        public String getExitStatus() {
            return null;
        }

        @Override
        public void setExitStatus(String status) {
        }

        @Override
        public Metric[] getMetrics() {
            return new Metric[0];
        }
    }
}
