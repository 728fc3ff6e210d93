package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediamill.domain.model.video.RenditionProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegCommandsTest {

    private final FfmpegCommands commands = new FfmpegCommands("/usr/bin/ffmpeg");

    @Test
    void snapshotSeeksBeforeInputAndWritesOneScaledJpeg() {
        ExternalCommand command = commands.snapshot(Path.of("/m/source.mov"), 12.5, 360, Path.of("/m/.0.jpg.part"));

        assertEquals(List.of("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-y",
                "-ss", "12.500", "-i", "/m/source.mov",
                "-map", "0:v:0", "-frames:v", "1",
                "-vf", "scale=-2:360",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1",
                "/m/.0.jpg.part"), command.argv());
    }

    @Test
    void renditionIsCappedCrfH264WithAacAndFaststart() {
        RenditionProfile profile = new RenditionProfile(720, 23, 4500, 128);

        ExternalCommand command = commands.rendition(Path.of("/m/source.mkv"), profile, Path.of("/m/.720p.mp4.part"));

        assertEquals(List.of("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-y",
                "-i", "/m/source.mkv",
                "-map", "0:v:0", "-map", "0:a:0?",
                "-vf", "scale=-2:720",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
                "-maxrate", "4500k", "-bufsize", "9000k",
                "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                "-movflags", "+faststart", "-f", "mp4",
                "/m/.720p.mp4.part"), command.argv());
    }

    @Test
    void negativeSeekTimesAreClampedToZero() {
        assertEquals("0.000", FfmpegCommands.formatSeconds(-1));
        assertEquals("3.142", FfmpegCommands.formatSeconds(Math.PI));
    }

    @Test
    void versionAsksForTheBanner() {
        assertEquals(List.of("/usr/bin/ffmpeg", "-version"), commands.version().argv());
    }
}
