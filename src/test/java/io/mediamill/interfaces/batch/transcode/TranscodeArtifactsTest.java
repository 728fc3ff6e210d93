package io.mediamill.interfaces.batch.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mediamill.infrastructure.media.ExternalProcessException;
import io.mediamill.infrastructure.media.UnreadableMediaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscodeArtifactsTest {

    @Test
    void picturesArePosterThenSnapshotsCentredInEqualSlicesThenStoryboard() {
        List<PictureRequest> plan = PictureRequest.plan(true, 8.0, 640, 360, 4);

        assertEquals(new PictureRequest.Poster(3.0), plan.get(0));
        assertEquals(List.of(1.0, 3.0, 5.0, 7.0), plan.subList(1, 5).stream()
                .map(p -> ((PictureRequest.Snapshot) p).timeSeconds()).toList());
        assertInstanceOf(PictureRequest.Storyboard.class, plan.get(5));
        assertEquals(6, plan.size());
    }

    @Test
    void soundOnlyGetsAWaveformPoster() {
        assertEquals(List.of(new PictureRequest.Waveform()), PictureRequest.plan(false, 30, 0, 0, 4));
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
    void failureReasonPrefersOurOwnWordsOverWrappers() {
        ExternalProcessException ffprobe = new ExternalProcessException("ffprobe exited with 1", "moov atom not found", null);
        RuntimeException wrapped = new RuntimeException("JBERET000007", new UnreadableMediaException("not a media file", ffprobe));

        assertEquals("not a media file", StepFailureListener.rootMessage(wrapped));
        assertEquals("disk full", StepFailureListener.rootMessage(new RuntimeException("x", new java.io.IOException("disk full"))));
    }
}
