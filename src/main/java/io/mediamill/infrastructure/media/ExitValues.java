package io.mediamill.infrastructure.media;

import java.util.Map;

/**
 * An exit value in words. A process ended by a signal exits with 128 + the signal's number; an operator reading a
 * failed attempt should see "killed" (by hand, by the OOM killer) rather than a bare 137.
 */
final class ExitValues {

    private static final Map<Integer, String> SIGNALS = Map.of(1, "HUP", 2, "INT", 6, "ABRT", 9, "KILL", 11, "SEGV",
            15, "TERM");

    private ExitValues() {
    }

    /** The end of a sentence starting with the program's name. */
    static String describe(int exitValue) {
        String signal = SIGNALS.get(exitValue - 128);
        if (signal == null) {
            return " exited with " + exitValue;
        }
        String why = switch (signal) {
            case "KILL" -> ": killed from outside, or by the kernel when memory ran out";
            case "SEGV", "ABRT" -> ": it crashed";
            default -> ": stopped from outside";
        };
        return " was ended by signal " + (exitValue - 128) + " (SIG" + signal + why + ", exit value " + exitValue + ")";
    }
}
