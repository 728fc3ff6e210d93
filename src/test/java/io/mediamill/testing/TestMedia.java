package io.mediamill.testing;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.FfprobeJsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
                "-metadata", "comment=" + uniqueMark(), file.toString()));
        runner.run(new ExternalCommand(argv), TIMEOUT);
        return file;
    }

    /**
     * A file made by ffmpeg from lavfi sources: {@code testsrc2} picture at the given size and rate and, unless
     * {@code audio} is false, a sine tone; {@code codecArgs} choose codecs and container options.
     */
    public Path generate(String name, int width, int height, double seconds, boolean audio, String... codecArgs) {
        Path file = dir.resolve(name);
        List<String> argv = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-y", "-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25"));
        if (audio) {
            argv.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
        }
        argv.addAll(List.of("-t", String.valueOf(seconds)));
        argv.addAll(List.of(codecArgs));
        argv.addAll(List.of("-metadata", "comment=" + uniqueMark(), file.toString()));
        runner.run(new ExternalCommand(argv), TIMEOUT);
        return file;
    }

    /** Runs ffmpeg with these arguments (inputs, filters, output) and returns the output named last. */
    public Path ffmpeg(String... args) {
        List<String> argv = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-y", "-v", "error"));
        argv.addAll(List.of(args));
        runner.run(new ExternalCommand(argv), TIMEOUT);
        return Path.of(args[args.length - 1]);
    }

    /** ffprobe over HTTP (or a file): what the player would see. */
    public MediaInfo probeUrl(String url) {
        String json = runner.run(new ExternalCommand(List.of("ffprobe", "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", url)), TIMEOUT).stdout();
        return new FfprobeJsonParser().parse(json);
    }

    /** One stream entry of ffprobe, e.g. {@code profile} of the first video stream. */
    public String streamEntry(String url, String selector, String entry) {
        return runner.run(new ExternalCommand(List.of("ffprobe", "-v", "error", "-select_streams", selector,
                "-show_entries", "stream=" + entry, "-of", "default=noprint_wrappers=1:nokey=1", url)), TIMEOUT)
                .stdout().lines().findFirst().orElse("").strip();
    }

    /** Decodes every frame ffmpeg picks from the URL; fails when playback would. */
    public void decodeFully(String url) {
        runner.run(new ExternalCommand(List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-xerror",
                "-i", url, "-f", "null", "-")), TIMEOUT);
    }

    /** The RGB value of one pixel of the frame at {@code seconds}. */
    public int[] pixel(String url, double seconds, int x, int y) {
        Path raw = dir.resolve("pixel-" + System.nanoTime() + ".rgb");
        // Seek after the input: ffmpeg's HLS demuxer mis-seeks fMP4 media playlists when seeking before it.
        // Crop 2x2: yuv420p halves chroma, so a 1-pixel crop would round down to nothing.
        ffmpeg("-i", url, "-ss", String.valueOf(seconds), "-frames:v", "1",
                "-vf", "crop=2:2:" + x + ":" + y, "-f", "rawvideo", "-pix_fmt", "rgb24", raw.toString());
        try {
            byte[] rgb = Files.readAllBytes(raw);
            return new int[] {rgb[0] & 0xFF, rgb[1] & 0xFF, rgb[2] & 0xFF};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file that is not media at all, under a media file name. */
    public Path text(String name) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, "This is plain text pretending to be a video.\n".repeat(20) + uniqueMark() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Makes every generated file different: identical bytes would be one video to the service (it keeps the
     * same content once per owner), which the tests that want that ask for explicitly.
     */
    private static String uniqueMark() {
        return "mediamill-test-" + UUID.randomUUID();
    }

    public MediaInfo probe(Path file) {
        return probeUrl(file.toString());
    }

    public Path file(String name) {
        return dir.resolve(name);
    }
}
