package io.mediamill.infrastructure.media;

import java.time.Duration;

/**
 * Runs an external program to completion. An interface so that tests and later supervisors (progress
 * parsing, stall detection) can stand in for the plain runner.
 */
public interface ProcessRunner {

    /**
     * Runs the command, killing it when it outlives the timeout.
     *
     * @return its standard output
     * @throws ExternalProcessException when it cannot start, exits non-zero or times out
     */
    ProcessResult run(ExternalCommand command, Duration timeout);

    /** Kills every running process started for {@code owner}; their runs fail. Returns how many there were. */
    int destroyOwnedBy(String owner);
}
