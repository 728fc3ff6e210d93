package io.mediamill.infrastructure.sync;

import io.mediamill.infrastructure.media.ExternalProcessException;

/** How a transfer with a peer ended: done, the files were not there to fetch, or it failed (with rsync's words). */
record TransferOutcome(Kind kind, String error) {

    enum Kind { DONE, ABSENT, FAILED }

    /** rsync's "partial transfer due to error": with a missing source this is the peer not having the files. */
    private static final int PARTIAL = 23;
    /** rsync's "some source files vanished": deleted while they travelled, which is their latest state. */
    private static final int VANISHED = 24;

    static final TransferOutcome DONE = new TransferOutcome(Kind.DONE, null);

    static TransferOutcome of(ExternalProcessException failure) {
        int exit = failure.exitValue().orElse(-1);
        String tail = failure.stderrTail() == null ? "" : failure.stderrTail();
        if (exit == VANISHED) {
            return DONE;
        }
        String error = failure.getMessage().strip();
        if (exit == PARTIAL && tail.contains("No such file or directory") && !tail.contains("Permission denied")) {
            return new TransferOutcome(Kind.ABSENT, error);
        }
        return new TransferOutcome(Kind.FAILED, error);
    }

    boolean done() {
        return kind == Kind.DONE;
    }
}
