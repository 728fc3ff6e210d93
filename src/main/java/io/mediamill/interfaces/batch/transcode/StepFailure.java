package io.mediamill.interfaces.batch.transcode;

import jakarta.batch.runtime.context.StepContext;

/**
 * What made a step fail, for {@link StepFailureListener}. JBeret hands the failure to step listeners as
 * {@link StepContext#getException()}; JBatch (Payara) leaves that empty. So the batchlets and the item listener
 * hooks, which both runtimes give the exception, also keep the first failure in the step's transient user data.
 */
public final class StepFailure {

    private StepFailure() {
    }

    /** Keeps the step's first failure; later ones are usually consequences of it. */
    static void remember(StepContext step, Exception failure) {
        if (step.getTransientUserData() == null) {
            step.setTransientUserData(failure);
        }
    }

    /** Runs a batchlet's work, keeping what made it fail. */
    public static void recording(StepContext step, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            remember(step, e);
            throw e;
        }
    }

    /** The failure the runtime reports, else the one remembered; null when neither knows one. */
    static Exception of(StepContext step) {
        if (step.getException() != null) {
            return step.getException();
        }
        return step.getTransientUserData() instanceof Exception remembered ? remembered : null;
    }
}
