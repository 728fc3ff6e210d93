package io.mediamill.infrastructure.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for the server in {@link KilledServerTest}: runs {@code sleep 300} through the runner, as the
 * server runs ffmpeg, prints the sleep's pid, and waits to be killed.
 */
public final class SleepingServer {

    private SleepingServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommonsExecProcessRunner runner = new CommonsExecProcessRunner();
        Thread run = new Thread(() -> runner.run(new ExternalCommand(List.of("sleep", "300")), Duration.ofMinutes(10)));
        run.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> sleep = ProcessHandle.current().children()
                    .filter(child -> child.info().command().orElse("").endsWith("/sleep")).findFirst();
            if (sleep.isPresent()) {
                System.out.println(sleep.get().pid());
                System.out.flush();
                break;
            }
            Thread.sleep(20);
        }
        run.join();
    }
}
