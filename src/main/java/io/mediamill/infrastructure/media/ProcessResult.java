package io.mediamill.infrastructure.media;

/** What a successful external program left behind: its output and the tail of its stderr (warnings). */
public record ProcessResult(String stdout, String stderrTail) {
}
