package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediamill.infrastructure.media.ExternalProcessException;
import org.junit.jupiter.api.Test;

/** rsync's exit values, as they read for a transfer between nodes. */
class TransferOutcomeTest {

    @Test
    void filesThatVanishedWhileTheyTravelledAreDone() {
        assertEquals(TransferOutcome.Kind.DONE, outcome(24, "file has vanished: \"/videos/ab/cd/x/seg-3.m4s\"").kind());
    }

    @Test
    void aMissingSourceIsAbsent() {
        assertEquals(TransferOutcome.Kind.ABSENT, outcome(23, "rsync: [sender] link_stat \"/videos/00\" (in media) failed: "
                + "No such file or directory (2)").kind());
    }

    @Test
    void otherPartialTransfersAndOtherExitsFail() {
        assertEquals(TransferOutcome.Kind.FAILED, outcome(23, "rsync: [receiver] mkstemp failed: Permission denied (13)").kind());
        assertEquals(TransferOutcome.Kind.FAILED, outcome(10, "rsync: failed to connect to 127.0.0.1: Connection refused").kind());
        TransferOutcome killed = TransferOutcome.of(new ExternalProcessException("rsync was killed", "", null));
        assertEquals(TransferOutcome.Kind.FAILED, killed.kind());
        assertEquals("rsync was killed", killed.error());
    }

    private static TransferOutcome outcome(int exit, String stderr) {
        return TransferOutcome.of(new ExternalProcessException("rsync exited with " + exit, stderr, exit));
    }
}
