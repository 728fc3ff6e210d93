package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pid records and the start-up check, on real processes (sleep, /bin/sh) that the test starts. */
class ChildProcessRecordsTest {

    @TempDir
    Path run;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Test
    void aRecordNamesThePidTheProgramAndTheJvmThatStartedIt() throws IOException {
        ChildProcessRecords records = new ChildProcessRecords(run);
        ProcessHandle sleep = start("sleep", "60").toHandle();

        records.add(sleep, "sleep");

        ProcessHandle self = ProcessHandle.current();
        assertEquals(List.of(new ChildProcessRecords.ChildProcess(sleep.pid(), sleep.info().startInstant().orElseThrow(),
                "sleep", self.pid(), self.info().startInstant().orElseThrow())), records.recorded());
        assertEquals(List.of(self.pid() + "-" + sleep.pid() + ".pid"), names());

        records.remove(sleep);

        assertEquals(List.of(), records.recorded());
        assertEquals(List.of(), names());
    }

    @Test
    void anOrphanStillRunningItsProgramIsKilledAndForgotten() throws Exception {
        ChildProcessRecords records = new ChildProcessRecords(run);
        Process sleep = start("sleep", "60");
        records.add(sleep.toHandle(), "sleep", deadJvm());

        List<ChildProcessRecords.ChildProcess> killed = records.killOrphans();

        assertEquals(List.of(sleep.pid()), killed.stream().map(ChildProcessRecords.ChildProcess::pid).toList());
        assertTrue(sleep.waitFor(5, TimeUnit.SECONDS), "the orphan is killed");
        assertEquals(List.of(), names());
    }

    @Test
    void whatAnOrphanSpawnedIsKilledWithIt() throws Exception {
        ChildProcessRecords records = new ChildProcessRecords(run);
        Process shell = start("/bin/sh", "-c", "sleep 61 & wait");
        ProcessHandle grandchild = awaitChild(shell.toHandle());
        records.add(shell.toHandle(), "/bin/sh", deadJvm()); // /bin/sh is a symlink to dash on Debian

        assertEquals(1, records.killOrphans().size());

        assertTrue(shell.waitFor(5, TimeUnit.SECONDS));
        assertTrue(ProcessEnds.within(grandchild, Duration.ofSeconds(5)), "the shell's sleep is killed too");
    }

    @Test
    void aPidNowRunningAnotherProgramIsLeftAloneAndItsRecordForgotten() throws Exception {
        ChildProcessRecords records = new ChildProcessRecords(run);
        Process sleep = start("sleep", "60");
        records.add(sleep.toHandle(), "ffmpeg", deadJvm());

        assertEquals(List.of(), records.killOrphans());

        assertFalse(sleep.waitFor(500, TimeUnit.MILLISECONDS), "not ffmpeg: alive");
        assertEquals(List.of(), names());
    }

    @Test
    void theRunsOfALivingJvmAreLeftAloneAndStayRecorded() throws Exception {
        ChildProcessRecords records = new ChildProcessRecords(run);
        Process sleep = start("sleep", "60");
        records.add(sleep.toHandle(), "sleep");

        assertEquals(List.of(), records.killOrphans());

        assertFalse(sleep.waitFor(500, TimeUnit.MILLISECONDS), "its JVM (this one) runs: alive");
        assertEquals(1, records.recorded().size());
    }

    @Test
    void anUnreadableRecordIsRemoved() throws IOException {
        Files.writeString(run.resolve("1-2.pid"), "half a rec");
        Files.writeString(run.resolve("notes.txt"), "not ours");

        assertEquals(List.of(), new ChildProcessRecords(run).killOrphans());

        assertEquals(List.of("notes.txt"), names());
    }

    @Test
    void theProgramIsRecognisedUnderTheNameTheSystemReports() {
        assertTrue(ChildProcessRecords.runs("/usr/bin/ffmpeg", "ffmpeg"));
        assertTrue(ChildProcessRecords.runs("/opt/ffmpeg-7/bin/ffmpeg", "/usr/local/bin/ffmpeg"), "a symlinked install");
        assertTrue(ChildProcessRecords.runs("/usr/bin/ffmpeg (deleted)", "ffmpeg"), "upgraded while it ran");
        assertFalse(ChildProcessRecords.runs("/usr/bin/sleep", "ffmpeg"));
        assertFalse(ChildProcessRecords.runs("/usr/bin/ffprobe", "/usr/bin/ffmpeg"));
    }

    @Test
    void noRecordsNoFolder() {
        assertEquals(List.of(), new ChildProcessRecords(run.resolve("run")).killOrphans());
        assertFalse(Files.exists(run.resolve("run")));
    }

    /** A process that has ended, standing for a JVM that was killed. */
    private static ProcessHandle deadJvm() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return done.toHandle();
    }

    private Process start(String... argv) throws IOException {
        Process process = new ProcessBuilder(argv).start();
        started.add(process);
        return process;
    }

    private static ProcessHandle awaitChild(ProcessHandle parent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            var child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no child of " + parent.pid());
    }

    private List<String> names() throws IOException {
        try (var files = Files.list(run)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
