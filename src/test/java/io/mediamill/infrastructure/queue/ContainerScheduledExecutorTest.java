package io.mediamill.infrastructure.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue's shutdown stops the queue's own periodic work and leaves the shared executor running. */
class ContainerScheduledExecutorTest {

    private final ScheduledExecutorService container = Executors.newScheduledThreadPool(2);

    @AfterEach
    void closeContainer() {
        container.shutdownNow();
    }

    @Test
    void shutdownCancelsWhatTheQueueScheduledAndLeavesTheContainerExecutorAlone() throws Exception {
        ContainerScheduledExecutor lent = new ContainerScheduledExecutor(container);
        AtomicInteger beats = new AtomicInteger();
        CountDownLatch beating = new CountDownLatch(2);
        lent.scheduleWithFixedDelay(() -> {
            beats.incrementAndGet();
            beating.countDown();
        }, 0, 10, TimeUnit.MILLISECONDS);
        assertTrue(beating.await(5, TimeUnit.SECONDS));

        lent.shutdownNow();
        assertTrue(lent.awaitTermination(5, TimeUnit.SECONDS));
        int afterShutdown = beats.get();
        Thread.sleep(100);

        assertTrue(beats.get() <= afterShutdown + 1, "the queue's heartbeat stopped");
        assertFalse(container.isShutdown(), "the container's executor is not shut down");
        CountDownLatch stillServing = new CountDownLatch(1);
        container.execute(stillServing::countDown);
        assertTrue(stillServing.await(5, TimeUnit.SECONDS));
        assertThrows(RejectedExecutionException.class, () -> lent.execute(() -> { }));
    }
}
