package io.mediamill.testing;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.FfprobeCommands;
import io.mediamill.infrastructure.media.FfprobeJsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small media files made on the spot with ffmpeg's lavfi test sources, and ffprobe to check what came back. */
public final class TestMedia {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path dir;
    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();

    public TestMedia() {
        this.dir = Path.of(System.getProperty("mediamill.it.work", "target/it-media"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An H.264/AAC MP4 of the test pattern with a tone, at the given size and length. */
    public Path mp4(String name, int width, int height, double seconds) {
        Path file = dir.resolve(name);
        List<String> argv = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-y", "-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                file.toString()));
        runner.run(new ExternalCommand(argv), TIMEOUT);
        return file;
    }

    /** A file that is not media at all, under a media file name. */
    public Path text(String name) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, "This is plain text pretending to be a video.\n".repeat(20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public MediaInfo probe(Path file) {
        String json = runner.run(new FfprobeCommands("ffprobe").probe(file), TIMEOUT).stdout();
        return new FfprobeJsonParser().parse(json);
    }

    public Path file(String name) {
        return dir.resolve(name);
    }
}
