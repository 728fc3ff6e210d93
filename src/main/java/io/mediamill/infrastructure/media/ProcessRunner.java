package io.mediamill.infrastructure.media;

import java.time.Duration;
import java.util.function.DoubleConsumer;

/**
 * Runs an external program to completion. An interface so that tests and later supervisors (progress
 * parsing, stall detection) can stand in for the plain runner.
 */
public interface ProcessRunner {

    /**
     * Runs the command, killing it when it outlives the timeout.
     *
     * @return its standard output and stderr tail
     * @throws ExternalProcessException when it cannot start, exits non-zero or times out
     */
    ProcessResult run(ExternalCommand command, Duration timeout);

    /**
     * Runs an ffmpeg command that reports with {@code -progress pipe:1}: each advance of the output's media
     * time goes to {@code processedSeconds}; a run with no advance for {@code limits.stall()} is killed like
     * one that outlives {@code limits.total()}.
     *
     * @throws ExternalProcessException when it cannot start, exits non-zero, stalls or times out
     */
    void runWithProgress(ExternalCommand command, RunLimits limits, DoubleConsumer processedSeconds);

    /** Kills every running process started for {@code owner}; their runs fail. Returns how many there were. */
    int destroyOwnedBy(String owner);

    /** How many processes this runner has running now. */
    int runningCount();
}
