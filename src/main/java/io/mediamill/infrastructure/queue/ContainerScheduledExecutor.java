package io.mediamill.infrastructure.queue;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The container's managed scheduled executor, lent to the queue. The queue shuts its executors down when it
 * stops, but a container refuses that call on its own executors (and must: others share them); here it
 * cancels only what the queue scheduled.
 */
final class ContainerScheduledExecutor implements ScheduledExecutorService {

    private final ScheduledExecutorService container;
    private final Set<Future<?>> scheduled = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    ContainerScheduledExecutor(ScheduledExecutorService container) {
        this.container = container;
    }

    private <F extends Future<?>> F track(F future) {
        scheduled.add(future);
        scheduled.removeIf(Future::isDone);
        return future;
    }

    private void checkOpen() {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("the queue's executor was shut down");
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        checkOpen();
        return track(container.schedule(command, delay, unit));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        checkOpen();
        return track(container.schedule(callable, delay, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        checkOpen();
        return track(container.scheduleAtFixedRate(command, initialDelay, period, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        checkOpen();
        return track(container.scheduleWithFixedDelay(command, initialDelay, delay, unit));
    }

    @Override
    public void execute(Runnable command) {
        checkOpen();
        track(container.submit(command));
    }

    @Override
    public Future<?> submit(Runnable task) {
        checkOpen();
        return track(container.submit(task));
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        checkOpen();
        return track(container.submit(task, result));
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        checkOpen();
        return track(container.submit(task));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        checkOpen();
        return container.invokeAll(tasks);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        checkOpen();
        return container.invokeAll(tasks, timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        checkOpen();
        return container.invokeAny(tasks);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        checkOpen();
        return container.invokeAny(tasks, timeout, unit);
    }

    /** Cancels what the queue scheduled, letting a run in progress finish. */
    @Override
    public void shutdown() {
        shutdown = true;
        scheduled.forEach(future -> future.cancel(false));
    }

    /** Cancels what the queue scheduled, interrupting a run in progress. */
    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        scheduled.forEach(future -> future.cancel(true));
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && scheduled.stream().allMatch(Future::isDone);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isTerminated()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
