package io.mediamill.domain.model.video;

/** Where a video is in its life: uploaded, waiting for processing, being processed, playable, or failed. */
public enum VideoStatus {
    UPLOADED,
    QUEUED,
    PROCESSING,
    READY,
    FAILED;

    public boolean isFinal() {
        return this == READY || this == FAILED;
    }
}
