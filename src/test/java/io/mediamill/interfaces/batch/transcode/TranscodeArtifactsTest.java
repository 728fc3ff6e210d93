package io.mediamill.interfaces.batch.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mediamill.infrastructure.media.ExternalProcessException;
import io.mediamill.infrastructure.media.UnreadableMediaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscodeArtifactsTest {

    @Test
    void snapshotsAreCentredInEqualSlices() {
        List<SnapshotRequest> plan = SnapshotTimeItemReader.plan(8.0, 4);

        assertEquals(List.of(1.0, 3.0, 5.0, 7.0), plan.stream().map(SnapshotRequest::timeSeconds).toList());
        assertEquals(List.of(0, 1, 2, 3), plan.stream().map(SnapshotRequest::position).toList());
    }

    @Test
    void checkpointResumesAfterTheLastFinishedItem() {
        IndexCheckpoint<String> first = new IndexCheckpoint<>(List.of("a", "b", "c"), null);
        assertEquals("a", first.nextItem());
        assertEquals("b", first.nextItem());

        IndexCheckpoint<String> restarted = new IndexCheckpoint<>(List.of("a", "b", "c"), first.checkpoint());
        assertEquals("c", restarted.nextItem());
        assertNull(restarted.nextItem());
    }

    @Test
    void progressWeightsCoverTheRange() {
        assertEquals(5, ProgressWeights.thumbnails(0, 4));
        assertEquals(15, ProgressWeights.thumbnails(4, 4));
        assertEquals(57, ProgressWeights.renditions(1, 2));
        assertEquals(99, ProgressWeights.renditions(2, 2));
    }

    @Test
    void failureReasonPrefersOurOwnWordsOverWrappers() {
        ExternalProcessException ffprobe = new ExternalProcessException("ffprobe exited with 1", "moov atom not found", null);
        RuntimeException wrapped = new RuntimeException("JBERET000007", new UnreadableMediaException("not a media file", ffprobe));

        assertEquals("not a media file", StepFailureListener.rootMessage(wrapped));
        assertEquals("disk full", StepFailureListener.rootMessage(new RuntimeException("x", new java.io.IOException("disk full"))));
    }
}
