package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ParentDeathSignalTest {

    private static final List<String> FFMPEG = List.of("ffmpeg", "-nostdin", "-y", "-i", "/m/in put.mp4", "out.mp4");

    @Test
    void theCommandRunsBehindSetprivWithItsArgumentsUntouched() {
        assertEquals(List.of("/usr/bin/setpriv", "--pdeathsig", "KILL", "--", "ffmpeg", "-nostdin", "-y", "-i", "/m/in put.mp4",
                "out.mp4"), ParentDeathSignal.through("/usr/bin/setpriv").wrap(FFMPEG));
    }

    @Test
    void withoutSetprivTheCommandIsLaunchedAsItIs() {
        assertEquals(FFMPEG, ParentDeathSignal.none().wrap(FFMPEG));
        assertFalse(ParentDeathSignal.none().available());
    }

    @Test
    void onlySetprivsOwnExecFailureCountsAsCouldNotRun() {
        ParentDeathSignal signal = ParentDeathSignal.through("/usr/bin/setpriv");
        String missing = "setpriv: failed to execute /nonexistent/ffmpeg: No such file or directory";

        assertTrue(signal.couldNotExecute(127, missing));
        assertTrue(signal.couldNotExecute(126, "setpriv: failed to execute ./ffmpeg: Permission denied"));
        assertFalse(signal.couldNotExecute(127, "sh: 1: ffmpeg: not found"), "the program's own 127");
        assertFalse(signal.couldNotExecute(1, missing));
        assertFalse(ParentDeathSignal.none().couldNotExecute(127, missing));
    }

    @Test
    void setprivIsFoundWhereDebianInstallsIt() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is not installed");

        ParentDeathSignal detected = ParentDeathSignal.detect();

        assertTrue(detected.available());
        assertTrue(detected.wrap(List.of("true")).get(0).endsWith("/setpriv"), detected.wrap(List.of("true")).toString());
    }
}
