package io.mediamill.application;

import java.time.Duration;

/**
 * What the use cases report for the operators' metrics. A port, so that uploading and processing name what
 * happened and never the metrics library that counts it; calls are cheap, never block and never fail.
 */
public interface MetricsRecorder {

    /** The outcome of an attempt that made its video; only these attempts feed the transcode-time histogram. */
    String COMPLETED = "completed";

    /** {@code bytes} of an upload arrived at this node and were kept (a multipart file, or one resumable PATCH body). */
    void uploadReceived(long bytes);

    /**
     * One processing attempt ended.
     *
     * @param outcome    how it ended: a short lower-case word from a fixed set of the caller's, such as
     *                   {@link #COMPLETED}, {@code failed} or {@code stopped} (anything else is counted as {@code other})
     * @param failedStep the step whose failure ended it ({@code probe}, {@code thumbnails}, ...), null when none did
     * @param took       from the attempt's start to its end
     */
    void attemptEnded(String outcome, String failedStep, Duration took);
}
