package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProbeSlotsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aProbeRunsInAFreeSlotAndGivesItBack() {
        ProbeSlots slots = new ProbeSlots(1, Duration.ofMillis(100));

        assertEquals("first", slots.run(() -> "first"));
        assertEquals("second", slots.run(() -> "second"), "the slot was given back");
    }

    @Test
    void withEverySlotTakenAProbeIsRefusedAsBusyAfterTheWait() throws Exception {
        ProbeSlots slots = new ProbeSlots(2, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            threads.submit(() -> slots.run(() -> {
                running.countDown();
                await(release);
                return null;
            }));
        }
        running.await();

        ServiceBusyException busy = assertThrows(ServiceBusyException.class, () -> slots.run(() -> "never"));

        assertEquals(Duration.ofMillis(200), busy.retryAfter());
        assertTrue(busy.getMessage().contains("send it again"), busy.getMessage());
    }

    @Test
    void aWaitingProbeTakesTheSlotThatComesFree() throws Exception {
        ProbeSlots slots = new ProbeSlots(1, Duration.ofSeconds(20));
        CountDownLatch running = new CountDownLatch(1);
        threads.submit(() -> slots.run(() -> {
            running.countDown();
            await(release);
            return null;
        }));
        running.await();

        Future<String> waiting = threads.submit(() -> slots.run(() -> "ran"));
        release.countDown();

        assertEquals("ran", waiting.get());
    }

    @Test
    void aFailingProbeGivesItsSlotBack() {
        ProbeSlots slots = new ProbeSlots(1, Duration.ofMillis(100));

        assertThrows(IllegalStateException.class, () -> slots.run(() -> {
            throw new IllegalStateException("ffprobe failed");
        }));

        assertEquals("next", slots.run(() -> "next"));
    }

    @Test
    void aConcurrencyBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new ProbeSlots(0, Duration.ofSeconds(1)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
