package io.mediamill.domain.model.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
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
        video.replaceRenditions(List.of(rung(360, 800_000), rung(720, 2_000_000), audio()), NOW);
        video.replaceRenditions(List.of(rung(720, 2_000_000), rung(360, 900_000)), NOW);

        assertEquals(2, video.thumbnails().size());
        assertEquals("t/0.jpg", video.thumbnails().get(0).path());
        assertEquals("t/1b.jpg", video.thumbnails().get(1).path());
        assertEquals(List.of(720, 360), video.renditions().stream().map(Rendition::height).toList(), "audio dropped");
        assertEquals(900_000, video.renditions().get(1).bitrate());
    }

    @Test
    void readyNeedsTheStreamAndTheDownloadAndClearsTheError() {
        video.startProcessing(1, NOW);
        assertThrows(IllegalStateException.class, () -> video.markReady(NOW));
        video.replaceRenditions(List.of(rung(360, 800_000)), NOW);
        video.recordStream("s/master.m3u8", "s/manifest.mpd", NOW);
        assertThrows(IllegalStateException.class, () -> video.markReady(NOW));
        video.recordDownload("download.mp4", NOW);
        video.markReady(NOW);
        assertEquals(VideoStatus.READY, video.status());
        assertEquals(100, video.progress());
        assertNull(video.error());
    }

    @Test
    void onlyAFailedVideoResumes() {
        video.startProcessing(3, NOW);
        assertThrows(VideoStateException.class, () -> video.resume(NOW));
        video.markFailed("renditions: disk full", NOW);

        video.resume(NOW);

        assertEquals(VideoStatus.PROCESSING, video.status());
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

    private static RenditionSpec rung(int height, long bitrate) {
        return new RenditionSpec(RenditionKind.VIDEO, height, height * 16 / 9, bitrate, 100, "s/media_" + height + ".m3u8");
    }

    private static RenditionSpec audio() {
        return new RenditionSpec(RenditionKind.AUDIO, 0, 0, 128_000, 10, "s/media_a.m3u8");
    }

    @Test
    void refusesAnEmptyVideo() {
        assertThrows(IllegalArgumentException.class, () -> new Video(Video.newId(), "t", null, "p", 0, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Video(Video.newId(), " ", null, "p", 1, NOW));
    }
}
