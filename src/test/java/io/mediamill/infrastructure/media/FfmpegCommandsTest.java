package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediamill.domain.model.video.LadderPlan;
import io.mediamill.domain.model.video.RenditionProfile;
import io.mediamill.domain.model.video.Watermark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegCommandsTest {

    private static final List<String> HEAD = List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "warning",
            "-nostdin", "-y");
    private static final RenditionProfile P720 = new RenditionProfile(720, 23, 4500, 128);
    private static final RenditionProfile P360 = new RenditionProfile(360, 23, 1000, 128);

    private static final List<String> ALLOWED = List.of("mov", "matroska", "mp3");
    private static final List<String> READ_AS_MOV = List.of("-protocol_whitelist", "file", "-format_whitelist",
            "mov,matroska,mp3", "-f", "mov");

    private final FfmpegCommands commands = new FfmpegCommands("/usr/bin/ffmpeg");

    /** A probed source, read only as the demuxer the probe found. */
    private static MediaInput mov(String path) {
        return new MediaInput(Path.of(path), "mov", ALLOWED);
    }

    @Test
    void ladderDecodesOnceSplitsPerRungAndWritesOneCmafSetForHlsAndDash() {
        LadderPlan plan = new LadderPlan(List.of(new LadderPlan.Rung(P720, false), new LadderPlan.Rung(P360, false)), true);

        ExternalCommand command = commands.ladder(new MediaInput(Path.of("/m/source.mkv"), "matroska", ALLOWED), plan,
                null, Path.of("/m/.stream.part"));

        assertEquals(argv(List.of("-progress", "pipe:1", "-nostats",
                "-protocol_whitelist", "file", "-format_whitelist", "mov,matroska,mp3", "-f", "matroska", "-i", "/m/source.mkv",
                "-filter_complex", "[0:v]format=yuv420p,split=2[s0][s1];[s0]scale=-2:720[v0];[s1]scale=-2:360[v1]",
                "-map", "[v0]", "-map", "[v1]", "-map", "0:a:0",
                "-c:v:0", "libx264", "-preset:v:0", "veryfast", "-crf:v:0", "23", "-maxrate:v:0", "4500k",
                "-bufsize:v:0", "9000k", "-sc_threshold:v:0", "0", "-force_key_frames:v:0", "expr:gte(t,n_forced*2)",
                "-c:v:1", "libx264", "-preset:v:1", "veryfast", "-crf:v:1", "23", "-maxrate:v:1", "1000k",
                "-bufsize:v:1", "2000k", "-sc_threshold:v:1", "0", "-force_key_frames:v:1", "expr:gte(t,n_forced*2)",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                "-f", "dash", "-seg_duration", "4", "-use_template", "1", "-use_timeline", "1", "-hls_playlist", "1",
                "-adaptation_sets", "id=0,streams=v id=1,streams=a",
                "-init_seg_name", "init-$RepresentationID$.m4s", "-media_seg_name", "seg-$RepresentationID$-$Number%05d$.m4s",
                "/m/.stream.part/manifest.mpd")), command.argv());
    }

    @Test
    void fastPathCopiesTheSourceStreamForTheTopRungAndEncodesTheRest() {
        LadderPlan plan = new LadderPlan(List.of(new LadderPlan.Rung(P720, true), new LadderPlan.Rung(P360, false)), false);

        List<String> argv = commands.ladder(mov("/m/s.mp4"), plan, null, Path.of("/o")).argv();

        assertEquals("[0:v]format=yuv420p,scale=-2:360[v0]", argv.get(argv.indexOf("-filter_complex") + 1));
        assertEquals(List.of("-map", "0:v:0", "-map", "[v0]", "-c:v:0", "copy", "-c:v:1", "libx264"),
                argv.subList(argv.indexOf("-map"), argv.indexOf("-map") + 8));
        assertEquals("id=0,streams=v", argv.get(argv.indexOf("-adaptation_sets") + 1));
    }

    @Test
    void watermarkIsBurntInBeforeTheSplitWithItsOpacityAndCorner() {
        LadderPlan plan = new LadderPlan(List.of(new LadderPlan.Rung(P720, false), new LadderPlan.Rung(P360, false)), true);
        WatermarkOverlay watermark = new WatermarkOverlay(
                new MediaInput(Path.of("/m/watermark.png"), "png_pipe", List.of("png_pipe")), Watermark.Corner.TOP_RIGHT, 16, 0.5);

        List<String> argv = commands.ladder(mov("/m/s.mp4"), plan, watermark, Path.of("/o")).argv();

        List<String> inputs = new ArrayList<>(READ_AS_MOV);
        inputs.addAll(List.of("-i", "/m/s.mp4", "-protocol_whitelist", "file", "-format_whitelist", "png_pipe",
                "-f", "png_pipe", "-i", "/m/watermark.png"));
        assertEquals(inputs, argv.subList(argv.indexOf("-nostats") + 1, argv.indexOf("-filter_complex")));
        assertEquals("[1:v]format=rgba,colorchannelmixer=aa=0.5[wm];[0:v][wm]overlay=x=W-w-16:y=16,format=yuv420p,"
                + "split=2[s0][s1];[s0]scale=-2:720[v0];[s1]scale=-2:360[v1]", argv.get(argv.indexOf("-filter_complex") + 1));
    }

    @Test
    void audioOnlyLadderHasNoFilterAndOneAudioSet() {
        List<String> argv = commands.ladder(new MediaInput(Path.of("/m/s.mp3"), "mp3", ALLOWED), new LadderPlan(List.of(), true),
                null, Path.of("/o")).argv();

        assertEquals(-1, argv.indexOf("-filter_complex"));
        assertEquals(List.of("-map", "0:a:0", "-c:a", "aac", "-b:a", "128k", "-ac", "2"),
                argv.subList(argv.indexOf("-map"), argv.indexOf("-map") + 8));
        assertEquals("id=0,streams=a", argv.get(argv.indexOf("-adaptation_sets") + 1));
    }

    @Test
    void downloadRemuxesTopRungAndAudioFromOurOwnPlaylistsReadAsHlsFromLocalFilesOnly() {
        ExternalCommand command = commands.download(Path.of("/s/media_0.m3u8"), Path.of("/s/media_3.m3u8"), Path.of("/d.part"));

        List<String> ownHls = List.of("-protocol_whitelist", "file", "-format_whitelist", "hls,mov", "-f", "hls");
        List<String> expected = new ArrayList<>(ownHls);
        expected.addAll(List.of("-i", "/s/media_0.m3u8"));
        expected.addAll(ownHls);
        expected.addAll(List.of("-i", "/s/media_3.m3u8", "-map", "0:v:0", "-map", "1:a:0",
                "-c", "copy", "-movflags", "+faststart", "-f", "mp4", "/d.part"));
        assertEquals(argv(expected), command.argv());
        List<String> audioOnly = new ArrayList<>(ownHls);
        audioOnly.addAll(List.of("-i", "/s/media_0.m3u8", "-map", "0:a:0", "-c", "copy", "-movflags", "+faststart",
                "-f", "mp4", "/a.part"));
        assertEquals(argv(audioOnly), commands.download(null, Path.of("/s/media_0.m3u8"), Path.of("/a.part")).argv());
    }

    @Test
    void posterLetsTheThumbnailFilterChooseFromAWindow() {
        ExternalCommand command = commands.poster(mov("/m/s.mov"), 4.5, 720, Path.of("/m/.poster.jpg.part"), false);

        assertEquals(argv(List.of("-ss", "4.500"), READ_AS_MOV, List.of("-i", "/m/s.mov", "-map", "0:v:0",
                "-vf", "thumbnail=n=50,scale=-2:720", "-frames:v", "1",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1", "/m/.poster.jpg.part")), command.argv());
    }

    @Test
    void snapshotSeeksBeforeInputAndWritesOneScaledJpeg() {
        ExternalCommand command = commands.snapshot(mov("/m/source.mov"), 12.5, 360, Path.of("/m/.0.jpg.part"), false);

        assertEquals(argv(List.of("-ss", "12.500"), READ_AS_MOV, List.of("-i", "/m/source.mov", "-map", "0:v:0", "-frames:v", "1",
                "-vf", "scale=-2:360", "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1",
                "/m/.0.jpg.part")), command.argv());
    }

    @Test
    void exactSeekGoesAfterTheInput() {
        List<String> argv = commands.snapshot(new MediaInput(Path.of("/m/s.ts"), "mpegts", ALLOWED), 1.5, 240, Path.of("/o"), true)
                .argv();

        assertEquals(argv(List.of("-protocol_whitelist", "file", "-format_whitelist", "mov,matroska,mp3", "-f", "mpegts",
                "-i", "/m/s.ts", "-ss", "1.500", "-map")), argv.subList(0, 17));
    }

    @Test
    void storyboardTilesOneFramePerInterval() {
        ExternalCommand command = commands.storyboard(mov("/m/s.mp4"), 2.5, 160, 90, 10, 4, Path.of("/m/.sprite.jpg.part"));

        assertEquals(argv(READ_AS_MOV, List.of("-i", "/m/s.mp4", "-map", "0:v:0", "-vf", "fps=0.4,scale=160:90,tile=10x4",
                "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "4", "-f", "image2", "-update", "1",
                "/m/.sprite.jpg.part")), command.argv());
    }

    @Test
    void waveformPosterDrawsTheFirstAudioStream() {
        ExternalCommand command = commands.waveformPoster(new MediaInput(Path.of("/m/s.mp3"), "mp3", ALLOWED), 1280, 720,
                Path.of("/m/p.part"));

        assertEquals(argv(List.of("-protocol_whitelist", "file", "-format_whitelist", "mov,matroska,mp3", "-f", "mp3",
                "-i", "/m/s.mp3", "-filter_complex", "[0:a:0]showwavespic=s=1280x720:colors=0x3b82f6[p]",
                "-map", "[p]", "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1",
                "/m/p.part")), command.argv());
    }

    @Test
    void negativeSeekTimesAreClampedToZero() {
        assertEquals("0.000", FfmpegCommands.formatSeconds(-1));
        assertEquals("3.142", FfmpegCommands.formatSeconds(Math.PI));
    }

    @SafeVarargs
    private static List<String> argv(List<String>... parts) {
        List<String> argv = new ArrayList<>(HEAD);
        for (List<String> part : parts) {
            argv.addAll(part);
        }
        return argv;
    }
}
