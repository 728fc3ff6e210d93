package io.mediamill.infrastructure.media;

/** What a finished external program left behind: its exit value, its output and the tail of its stderr. */
public record ProcessResult(int exitValue, String stdout, String stderrTail) {
}
