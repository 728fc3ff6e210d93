package io.mediamill.domain.model.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VideoTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final Video video = new Video(Video.newId(), "Holiday", "holiday.mov", "videos/ab/cd/x/source.mov", 1234, NOW);

    @Test
    void startsUploadedThenQueuedThenProcessing() {
        assertEquals(VideoStatus.UPLOADED, video.status());
        video.queue(NOW);
        assertEquals(VideoStatus.QUEUED, video.status());
        video.startProcessing(7, NOW);
        assertEquals(VideoStatus.PROCESSING, video.status());
        assertEquals(7L, video.jobExecutionId());
    }

    @Test
    void probeRecordsTheDisplayedSize() {
        video.recordProbe(new MediaInfo("mov", 12.5, 1000L, new VideoStreamInfo("h264", 1920, 1080, 90, "yuv420p", 30.0),
                new AudioStreamInfo("aac", 2, 48000)), NOW);

        assertEquals(1080, video.width());
        assertEquals(1920, video.height());
        assertEquals("aac", video.audioCodec());
        assertEquals(12.5, video.durationSeconds());
    }

    @Test
    void progressOnlyMovesForwardAndStaysBelowHundredUntilReady() {
        video.startProcessing(1, NOW);
        video.advanceProgress(40, NOW);
        video.advanceProgress(30, NOW);
        assertEquals(40, video.progress());
        video.advanceProgress(150, NOW);
        assertEquals(99, video.progress());
    }

    @Test
    void puttingTheSameThumbnailOrRenditionTwiceReplacesIt() {
        video.putThumbnail(1, 5.0, "t/1.jpg", 640, 360, NOW);
        video.putThumbnail(0, 1.0, "t/0.jpg", 640, 360, NOW);
        video.putThumbnail(1, 6.0, "t/1b.jpg", 640, 360, NOW);
        video.putRendition(360, 640, 800_000, 100, "r/360p.mp4", NOW);
        video.putRendition(720, 1280, 2_000_000, 200, "r/720p.mp4", NOW);
        video.putRendition(360, 640, 900_000, 110, "r/360p.mp4", NOW);

        assertEquals(2, video.thumbnails().size());
        assertEquals("t/0.jpg", video.poster().orElseThrow().path());
        assertEquals("t/1b.jpg", video.thumbnails().get(1).path());
        assertEquals(2, video.renditions().size());
        assertEquals(720, video.topRendition().orElseThrow().height());
        assertEquals(900_000, video.renditions().get(1).bitrate());
    }

    @Test
    void readyNeedsARenditionAndClearsTheError() {
        video.startProcessing(1, NOW);
        assertThrows(IllegalStateException.class, () -> video.markReady(NOW));
        video.putRendition(360, 640, 800_000, 100, "r/360p.mp4", NOW);
        video.markReady(NOW);
        assertEquals(VideoStatus.READY, video.status());
        assertEquals(100, video.progress());
        assertNull(video.error());
    }

    @Test
    void failureKeepsTheEndOfALongReason() {
        String reason = "x".repeat(Video.MAX_ERROR_LENGTH) + " moov atom not found";

        video.markFailed(reason, NOW);

        assertEquals(VideoStatus.FAILED, video.status());
        assertEquals(Video.MAX_ERROR_LENGTH, video.error().length());
        assertTrue(video.error().endsWith("moov atom not found"));
    }

    @Test
    void refusesAnEmptyVideo() {
        assertThrows(IllegalArgumentException.class, () -> new Video(Video.newId(), "t", null, "p", 0, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Video(Video.newId(), " ", null, "p", 1, NOW));
    }
}
