package io.mediamill.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting in tests and drills: for a condition to come true within a time, or for a moment. */
public final class Await {

    private Await() {
    }

    /** Whether {@code condition} came true within {@code timeout}, asked every 200 ms. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(200);
        }
        return condition.getAsBoolean();
    }

    /** Sleeps; an interrupt ends the wait as a failure (and stays set). */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
