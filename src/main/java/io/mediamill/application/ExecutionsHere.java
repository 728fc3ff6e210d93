package io.mediamill.application;

import jakarta.batch.runtime.BatchStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The job executions running in this JVM, and how those that ended here ended as their job listener saw it.
 * The job repository (shared by every node, and left saying STARTED by a node that died) cannot tell which
 * executions are this JVM's, and it records an end a moment after the listener has seen it: whoever follows an
 * execution here learns of its end at once instead of polling the repository for it.
 */
final class ExecutionsHere {

    /** How long an execution that ended here still counts as this JVM's: the repository says so a little later. */
    private static final Duration ENDING_GRACE = Duration.ofMinutes(2);

    private record Ending(BatchStatus outcome, long nanos) {
    }

    private final Set<Long> running = new HashSet<>();
    private final Map<Long, Ending> ended = new HashMap<>();

    synchronized void began(long executionId) {
        running.add(executionId);
    }

    /** The execution ended here with {@code outcome}; whoever waits for it learns so now. */
    synchronized void ended(long executionId, BatchStatus outcome) {
        running.remove(executionId);
        ended.put(executionId, new Ending(outcome, System.nanoTime()));
        notifyAll();
    }

    /** Whether the execution runs here now, or ended here so recently that the repository may not say so yet. */
    synchronized boolean contains(long executionId) {
        forgetOldEndings();
        return running.contains(executionId) || ended.containsKey(executionId);
    }

    /** How the execution ended here, if it did so recently (whatever the repository says of it). */
    synchronized Optional<BatchStatus> endOf(long executionId) {
        forgetOldEndings();
        Ending ending = ended.get(executionId);
        return ending == null ? Optional.empty() : Optional.of(ending.outcome());
    }

    /**
     * Waits at most {@code max} for the execution to end here; its outcome if it did (or had already), empty if it
     * still runs, or runs elsewhere.
     */
    synchronized Optional<BatchStatus> awaitEnd(long executionId, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!ended.containsKey(executionId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return Optional.of(ended.get(executionId).outcome());
    }

    private void forgetOldEndings() {
        long now = System.nanoTime();
        ended.values().removeIf(ending -> now - ending.nanos() > ENDING_GRACE.toNanos());
    }
}
