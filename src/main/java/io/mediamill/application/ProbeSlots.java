package io.mediamill.application;

import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bound on the ffprobe runs that check uploads: each holds a request thread and a process, so a burst of
 * uploads finishing together would otherwise hold every request thread in ffprobe at once. An upload that
 * gets no slot within a few seconds is refused as busy (its client sends it again) rather than queued
 * without end.
 */
@ApplicationScoped
public class ProbeSlots {

    static final Duration WAIT = Duration.ofSeconds(5);

    private Semaphore slots;
    private Duration wait;

    protected ProbeSlots() {
        // for CDI proxies
    }

    @Inject
    public ProbeSlots(MediamillConfig config) {
        this(config.probeConcurrency(), WAIT);
    }

    ProbeSlots(int concurrency, Duration wait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("the probe concurrency must be at least 1, not " + concurrency);
        }
        // Fair: the uploads that have waited longest get the next slots.
        this.slots = new Semaphore(concurrency, true);
        this.wait = wait;
    }

    /**
     * Runs {@code probe} in a slot.
     *
     * @throws ServiceBusyException when no slot came free in time
     */
    public <T> T run(Supplier<T> probe) {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw uploadNotKept(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw uploadNotKept(wait);
        }
        try {
            return probe.get();
        } finally {
            slots.release();
        }
    }

    /** The refusal of an upload that found no slot and whose bytes are not kept: the client sends it again. */
    public static ServiceBusyException uploadNotKept(Duration retryAfter) {
        return new ServiceBusyException("Too many uploads are being checked at once; nothing of this one was kept: "
                + "send it again in " + retryAfter.toSeconds() + " seconds.", retryAfter);
    }
}
