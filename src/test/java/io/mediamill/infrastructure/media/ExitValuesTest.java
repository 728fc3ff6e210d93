package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExitValuesTest {

    @Test
    void ordinaryFailuresKeepTheirNumber() {
        assertEquals(" exited with 1", ExitValues.describe(1));
        assertEquals(" exited with 255", ExitValues.describe(255));
    }

    @Test
    void signalsAreNamedWithWhatUsuallySendsThem() {
        assertEquals(" was ended by signal 9 (SIGKILL: killed from outside, or by the kernel when memory ran out, exit value 137)",
                ExitValues.describe(137));
        assertEquals(" was ended by signal 11 (SIGSEGV: it crashed, exit value 139)", ExitValues.describe(139));
        assertEquals(" was ended by signal 15 (SIGTERM: stopped from outside, exit value 143)", ExitValues.describe(143));
    }
}
