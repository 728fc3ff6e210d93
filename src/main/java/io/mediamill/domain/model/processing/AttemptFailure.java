package io.mediamill.domain.model.processing;

/**
 * An attempt that ended without a playable video: the step it failed in and why. Retryable unless trying
 * again cannot help (the file is not something we can make a video of).
 */
public class AttemptFailure extends RuntimeException {

    private final String step;
    private final boolean retryable;

    public AttemptFailure(String step, String reason, boolean retryable) {
        super(reason == null || reason.isBlank() ? "processing failed" : reason);
        this.step = step == null ? "job" : step;
        this.retryable = retryable;
    }

    public String step() {
        return step;
    }

    public boolean retryable() {
        return retryable;
    }

    /** "step: reason", as a video's error says it. */
    public String describe() {
        return step + ": " + getMessage();
    }
}
