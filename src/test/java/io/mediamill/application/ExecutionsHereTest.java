package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.runtime.BatchStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutionsHereTest {

    private final ExecutionsHere here = new ExecutionsHere();

    @Test
    void aFollowerLearnsOfTheEndAsTheListenerSeesIt() throws Exception {
        here.began(7);
        CompletableFuture<Optional<BatchStatus>> follower = CompletableFuture.supplyAsync(() -> {
            try {
                return here.awaitEnd(7, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(follower.isDone());
        here.ended(7, BatchStatus.FAILED);
        assertEquals(Optional.of(BatchStatus.FAILED), follower.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anEndAlreadySeenIsAnsweredAtOnce() throws Exception {
        here.began(8);
        here.ended(8, BatchStatus.COMPLETED);
        assertEquals(Optional.of(BatchStatus.COMPLETED), here.awaitEnd(8, Duration.ZERO));
    }

    @Test
    void anExecutionStillRunningOrRunningElsewhereIsNotAnsweredForAfterTheWait() throws Exception {
        here.began(9);
        here.ended(10, BatchStatus.COMPLETED);
        assertEquals(Optional.empty(), here.awaitEnd(9, Duration.ofMillis(50)));
        assertEquals(Optional.empty(), here.awaitEnd(11, Duration.ofMillis(50)));
    }

    @Test
    void anExecutionThatEndedHereStillCountsAsThisJvmsForAWhile() {
        here.began(12);
        assertTrue(here.contains(12));
        here.ended(12, BatchStatus.COMPLETED);
        assertTrue(here.contains(12));
        assertFalse(here.contains(13));
    }

    @Test
    void remembersHowAnExecutionEndedHereWhateverTheRepositorySays() {
        here.began(14);
        assertEquals(Optional.empty(), here.endOf(14));
        here.ended(14, BatchStatus.FAILED);
        assertEquals(Optional.of(BatchStatus.FAILED), here.endOf(14));
        assertEquals(Optional.empty(), here.endOf(15));
    }
}
