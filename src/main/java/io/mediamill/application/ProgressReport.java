package io.mediamill.application;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/**
 * Hears how far an ffmpeg run has got and has the video's progress saved every few seconds by a managed
 * thread, so the database is not written for every report and the batch thread is free to wait for ffmpeg.
 */
public final class ProgressReport implements DoubleConsumer, AutoCloseable {

    private final double durationSeconds;
    private final int fromPercent;
    private final int toPercent;
    private final AtomicInteger latest = new AtomicInteger(-1);
    private ScheduledFuture<?> flushing;

    ProgressReport(double durationSeconds, int fromPercent, int toPercent) {
        this.durationSeconds = durationSeconds;
        this.fromPercent = fromPercent;
        this.toPercent = toPercent;
    }

    void flushWith(ScheduledFuture<?> schedule) {
        this.flushing = schedule;
    }

    /** Takes the media time the run has reached. */
    @Override
    public void accept(double seconds) {
        double fraction = durationSeconds > 0 ? Math.min(1, seconds / durationSeconds) : 0;
        latest.set(fromPercent + (int) Math.floor((toPercent - fromPercent) * fraction));
    }

    /** The percentage reached since the last call, or -1 when nothing new was heard. */
    int takeLatest() {
        return latest.getAndSet(-1);
    }

    @Override
    public void close() {
        if (flushing != null) {
            flushing.cancel(false);
        }
    }
}
