package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediamill.domain.model.video.AudioStreamInfo;
import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.VideoStreamInfo;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaAcceptanceTest {

    private static final AudioStreamInfo AAC = new AudioStreamInfo("aac", 2, 48000);

    private static MediaInfo video(String codec, int width, int height, double seconds) {
        return new MediaInfo("mov,mp4", seconds, 1_000_000L, new VideoStreamInfo(codec, width, height, 0, "yuv420p", 25.0), AAC);
    }

    @Test
    void ordinaryMediaIsTaken() {
        assertEquals(Optional.empty(), MediaAcceptance.refusal(video("h264", 1920, 1080, 10), 60));
        assertEquals(Optional.empty(), MediaAcceptance.refusal(video("hevc", 8192, 4320, 10), 60), "DCI 8K is the largest");
        assertEquals(Optional.empty(), MediaAcceptance.refusal(new MediaInfo("mp3", 10.0, 128_000L, null, AAC), 60));
    }

    @Test
    void aStreamWithoutADecoderIsRefusedByKind() {
        assertEquals(Optional.of("has a video stream in a format ffmpeg cannot decode"),
                MediaAcceptance.refusal(video(null, 320, 240, 2), 60));
        assertEquals(Optional.of("has an audio stream in a format ffmpeg cannot decode"), MediaAcceptance.refusal(
                new MediaInfo("mov", 2.0, null, null, new AudioStreamInfo(null, 2, 48000)), 60));
    }

    @Test
    void aPictureLargerThan8kASideIsRefusedWithItsSize() {
        assertEquals(Optional.of("has a 8208x16 picture, larger than 8192 pixels a side"),
                MediaAcceptance.refusal(video("mjpeg", 8208, 16, 1), 60));
        assertEquals(Optional.of("has a 16x9000 picture, larger than 8192 pixels a side"),
                MediaAcceptance.refusal(video("mjpeg", 16, 9000, 1), 60));
    }

    @Test
    void tooSmallAndTooLongAreRefused() {
        assertEquals(Optional.of("has a video stream without a usable picture size"),
                MediaAcceptance.refusal(video("h264", 0, 0, 1), 60));
        assertEquals(Optional.of("lasts 61 s, longer than the limit of 60 s"),
                MediaAcceptance.refusal(video("h264", 320, 240, 61), 60));
    }
}
