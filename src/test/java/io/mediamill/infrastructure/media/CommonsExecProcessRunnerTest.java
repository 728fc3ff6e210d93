package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes (/bin/sh): exit values, stderr tails and the watchdog are the point. */
class CommonsExecProcessRunnerTest {

    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();

    @Test
    void returnsStdoutOfASuccessfulRun() {
        ProcessResult result = runner.run(sh("printf 'hello\\nworld'"), Duration.ofSeconds(10));

        assertEquals("hello\nworld", result.stdout());
    }

    @Test
    void backgroundWorkRunsTenStepsNicerThanTheServerUnderTheSamePid() {
        // Field 19 of /proc/<pid>/stat is the niceness; $$ is the shell nice and setpriv exec'd into.
        String niceness = "cut -d' ' -f19 /proc/$$/stat";
        int server = Integer.parseInt(runner.run(sh(niceness), Duration.ofSeconds(10)).stdout().strip());

        int background = Integer.parseInt(runner.run(sh(niceness).inBackground(), Duration.ofSeconds(10)).stdout().strip());

        assertEquals(Math.min(19, server + LowerPriority.NICENESS), background);
    }

    @Test
    void failureCarriesExitValueAndStderrTail() {
        ExternalProcessException failure = assertThrows(ExternalProcessException.class,
                () -> runner.run(sh("echo noise >&2; echo 'Invalid data found' >&2; exit 3"), Duration.ofSeconds(10)));

        assertTrue(failure.getMessage().startsWith("/bin/sh exited with 3"), failure.getMessage());
        assertEquals("noise\nInvalid data found", failure.stderrTail());
        assertEquals(3, failure.exitValue().orElseThrow());
    }

    @Test
    void watchdogKillsARunThatTakesTooLong() {
        long started = System.nanoTime();

        ExternalProcessException failure = assertThrows(ExternalProcessException.class,
                () -> runner.run(sh("echo started >&2; sleep 30"), Duration.ofMillis(500)));

        assertTrue(failure.getMessage().contains("killed after running longer than"), failure.getMessage());
        assertTrue(failure.exitValue().isEmpty(), "a killed run has no exit value of its own");
        assertTrue(failure.getMessage().contains("started"), failure.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "the sleep was not killed");
    }

    @Test
    void progressIsReportedAndAStalledRunIsKilled() {
        List<Double> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExternalCommand advancesThenHangs = sh("echo out_time_us=500000; echo progress=continue; sleep 0.2;"
                + " echo out_time_us=1000000; echo stuck >&2; sleep 30");

        ExternalProcessException failure = assertThrows(ExternalProcessException.class, () -> runner.runWithProgress(
                advancesThenHangs, new RunLimits(Duration.ofSeconds(60), Duration.ofSeconds(2)), reported::add));

        assertEquals(List.of(0.5, 1.0), reported);
        assertTrue(failure.getMessage().startsWith("/bin/sh made no progress for 2 s and was killed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("stuck"), failure.getMessage());
    }

    @Test
    void runsAreStoppedByTheirOwnerOnly() throws Exception {
        CompletableFuture<Throwable> mine = CompletableFuture.supplyAsync(() -> outcome(sh("sleep 30").ownedBy("video-1")));
        CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> outcome(sh("sleep 2").ownedBy("video-2")));
        long started = System.nanoTime();
        while (!longSleepRunning() && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10) {
            Thread.sleep(50);
        }

        assertEquals(1, runner.destroyOwnedBy("video-1"));

        Throwable stopped = mine.get(10, TimeUnit.SECONDS);
        assertInstanceOf(ExternalProcessException.class, stopped, "the stopped run fails");
        assertTrue(stopped.getMessage().startsWith("/bin/sh was stopped with the work of video-1"), "a stop is not a time limit: "
                + stopped.getMessage());
        assertNull(other.get(10, TimeUnit.SECONDS), "the other owner's run completes");
        assertEquals(0, runner.destroyOwnedBy("video-1"));
    }

    private static boolean longSleepRunning() {
        return ProcessHandle.current().descendants()
                .anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 30"));
    }

    private Throwable outcome(ExternalCommand command) {
        try {
            runner.run(command, Duration.ofSeconds(60));
            return null;
        } catch (ExternalProcessException e) {
            return e;
        }
    }

    @Test
    void aMissingProgramIsReported() {
        ExternalProcessException failure = assertThrows(ExternalProcessException.class,
                () -> runner.run(new ExternalCommand(List.of("/nonexistent/ffmpeg", "-version")), Duration.ofSeconds(5)));

        assertTrue(failure.getMessage().startsWith("/nonexistent/ffmpeg could not run"), failure.getMessage());
    }

    @Test
    void aRunningProcessIsCountedAndRecordedUntilItEnds(@TempDir Path run) throws Exception {
        ChildProcessRecords records = new ChildProcessRecords(run);
        CommonsExecProcessRunner recording = new CommonsExecProcessRunner(records);
        CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> {
            try {
                recording.run(new ExternalCommand(List.of("sleep", "30")).ownedBy("video-3"), Duration.ofSeconds(60));
            } catch (ExternalProcessException stopped) {
                // stopped below
            }
        });
        long started = System.nanoTime();
        while (records.recorded().isEmpty() && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10) {
            Thread.sleep(20);
        }

        ProcessHandle sleep = ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("/sleep")).findFirst().orElseThrow();
        assertEquals(List.of(new ChildProcessRecords.ChildProcess(sleep.pid(), sleep.info().startInstant().orElse(null),
                "sleep", ProcessHandle.current().pid(), ProcessHandle.current().info().startInstant().orElse(null))),
                records.recorded(), "the program itself is this JVM's child (setpriv execs it), recorded by its own name");
        assertEquals(1, recording.runningCount());

        recording.destroyOwnedBy("video-3");
        sleeping.get(10, TimeUnit.SECONDS);

        assertEquals(0, recording.runningCount());
        assertEquals(List.of(), records.recorded());
    }

    private static ExternalCommand sh(String script) {
        return new ExternalCommand(List.of("/bin/sh", "-c", script));
    }
}
