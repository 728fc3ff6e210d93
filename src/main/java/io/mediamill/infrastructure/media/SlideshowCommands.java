package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.slideshow.Fit;
import io.mediamill.domain.model.slideshow.Slide;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import io.mediamill.domain.model.slideshow.SlideshowTimeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Builds the ffmpeg runs of a slideshow: one per batch of images (see {@link SlideshowTimeline#batches}), which
 * draws each image once at the frame's size, holds it for its time and joins neighbours with {@code xfade}; then
 * one that joins the batches by stream copy and adds the music (or silence).
 * <p>
 * Every image goes through the same normalisation before any transition (upright by its EXIF orientation,
 * fitted to the frame, square pixels, yuv420p, {@value SlideshowTimeline#FPS} fps in a 1/{@value SlideshowTimeline#FPS}
 * time base), so images of any size, format and orientation meet {@code xfade} alike. An image is scaled once
 * and its frame repeated ({@code loop}); only Ken Burns, which moves every frame, draws every frame.
 */
public final class SlideshowCommands {

    /** The image demuxers a slideshow reads its images with, one forced per image from its probe. */
    public static final List<String> IMAGE_DEMUXERS = List.of("jpeg_pipe", "png_pipe", "webp_pipe");
    /** The music's containers: MP3, raw AAC, WAV, Ogg, FLAC and M4A ({@code mov}). */
    public static final List<String> AUDIO_DEMUXERS = List.of("mp3", "aac", "wav", "ogg", "flac", "mov");
    /** The batches are this service's own MP4 files, listed in a concat list it wrote. */
    static final List<String> JOIN_DEMUXERS = List.of("concat", "mov");

    /** How far Ken Burns zooms over an image's time. */
    private static final double KEN_BURNS_ZOOM = 0.12;
    /** Loudness target of the music (EBU R128, as streaming services normalise to). */
    private static final String LOUDNESS = "loudnorm=I=-16:TP=-1.5:LRA=11";
    private static final double LONGEST_FADE_OUT = 2.0;

    private final String ffmpeg;
    private final String preset;

    public SlideshowCommands(String ffmpeg, String preset) {
        this.ffmpeg = ffmpeg;
        this.preset = preset;
    }

    /**
     * Renders one batch into an MP4 without sound, reporting progress on stdout.
     *
     * @param fileOf where each image's file is
     * @param titleText a file holding the title (drawn on the first image), or null
     * @param font the font file the title is drawn with (one that covers Latin, Cyrillic and CJK)
     */
    public ExternalCommand batch(SlideshowPlan plan, SlideshowTimeline.Batch batch, Function<Slide, Path> fileOf,
                                 Path titleText, Path font, Path output) {
        List<String> argv = head();
        argv.addAll(List.of("-progress", "pipe:1", "-nostats"));
        for (SlideshowTimeline.Clip clip : batch.clips()) {
            Slide slide = plan.slides().get(clip.slide());
            // ffmpeg would turn a JPEG by its EXIF orientation itself, but not mirror it: every image is turned
            // here, by all eight orientations, and ffmpeg's own turning is switched off.
            argv.addAll(List.of("-noautorotate", "-framerate", String.valueOf(SlideshowTimeline.FPS)));
            argv.addAll(new MediaInput(fileOf.apply(slide), slide.format(), IMAGE_DEMUXERS).arguments());
        }
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < batch.clips().size(); i++) {
            SlideshowTimeline.Clip clip = batch.clips().get(i);
            graph.append(clip(plan, clip, i, clip.slide() == 0 && clip.from() == 0 ? titleText : null, font)).append(';');
        }
        String last = "c0";
        for (int i = 1; i < batch.clips().size(); i++) {
            String joined = i == batch.clips().size() - 1 ? "out" : "x" + i;
            graph.append('[').append(last).append("][c").append(i).append("]xfade=transition=")
                    .append(plan.transitions().get(batch.clips().get(i).slide() - 1))
                    .append(":duration=").append(seconds(batch.transitionFrames()))
                    .append(":offset=").append(seconds(batch.offsetOf(i)))
                    .append('[').append(joined).append("];");
            last = joined;
        }
        graph.setLength(graph.length() - 1);
        argv.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]", "-an",
                "-c:v", "libx264", "-preset", preset, "-crf", "18", "-pix_fmt", "yuv420p",
                "-g", String.valueOf(2 * SlideshowTimeline.FPS), "-frames:v", String.valueOf(batch.frames()),
                "-f", "mp4", output.toString()));
        return new ExternalCommand(argv);
    }

    /** One image's part of the graph: input {@code input} made into clip {@code [c<input>]}. */
    private static String clip(SlideshowPlan plan, SlideshowTimeline.Clip clip, int input, Path titleText, Path font) {
        Slide slide = plan.slides().get(clip.slide());
        String in = "[" + input + ":v]";
        String upright = orientation(slide.orientation());
        StringBuilder chain = new StringBuilder();
        String fitted = fit(plan, in + (upright.isEmpty() ? "" : upright + ","), "f" + input);
        chain.append(fitted).append("setsar=1,format=yuv420p,");
        if (plan.kenBurns()) {
            chain.append(kenBurns(plan, clip)).append(',');
        } else {
            chain.append("loop=loop=").append(clip.frames() - 1).append(":size=1:start=0,");
        }
        chain.append("setpts=N/").append(SlideshowTimeline.FPS).append("/TB,fps=").append(SlideshowTimeline.FPS)
                .append(",settb=1/").append(SlideshowTimeline.FPS);
        if (titleText != null) {
            chain.append(',').append(title(plan, titleText, font));
        }
        return chain.append("[c").append(input).append(']').toString();
    }

    /** EXIF orientations as filters: 2–4 mirror or turn half, 5–8 turn a quarter (5 and 7 mirrored too). */
    static String orientation(int exif) {
        return switch (exif) {
            case 2 -> "hflip";
            case 3 -> "hflip,vflip";
            case 4 -> "vflip";
            case 5 -> "transpose=cclock_flip";
            case 6 -> "transpose=clock";
            case 7 -> "transpose=clock_flip";
            case 8 -> "transpose=cclock";
            default -> "";
        };
    }

    /**
     * The fitted picture, as the start of a chain ending in a comma. {@code contain-blur} lays the image over a copy of
     * itself that is shrunk, blurred and enlarged again: blurring the small copy costs a fraction of blurring a
     * full frame and looks the same.
     */
    private static String fit(SlideshowPlan plan, String in, String label) {
        int w = plan.width();
        int h = plan.height();
        return switch (plan.fit()) {
            case COVER -> in + "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase,crop=" + w + ":" + h + ",";
            case CONTAIN -> in + contained(w, h) + ",pad=" + w + ":" + h + ":(ow-iw)/2:(oh-ih)/2:color="
                    + plan.background() + ",";
            case CONTAIN_BLUR -> {
                int sw = Math.max(16, w / 8 / 2 * 2);
                int sh = Math.max(16, h / 8 / 2 * 2);
                int radius = Math.max(1, Math.min(sw, sh) / 12);
                int chromaRadius = Math.max(1, Math.min(sw, sh) / 24);
                yield in + "split=2[" + label + "b][" + label + "f];"
                        + "[" + label + "b]scale=" + sw + ":" + sh + ":force_original_aspect_ratio=increase,crop=" + sw + ":" + sh
                        + ",boxblur=" + radius + ":2:" + chromaRadius + ":2,scale=" + w + ":" + h + ",setsar=1[" + label + "g];"
                        + "[" + label + "f]" + contained(w, h) + ",setsar=1[" + label + "s];"
                        + "[" + label + "g][" + label + "s]overlay=(W-w)/2:(H-h)/2,";
            }
        };
    }

    private static String contained(int w, int h) {
        return "scale=" + w + ":" + h + ":force_original_aspect_ratio=decrease:force_divisible_by=2";
    }

    /**
     * A slow zoom over the image's whole time, in on even images and out on odd ones. A clip that is the second
     * part of an image split between batches goes on from where the first part stopped. The frame is enlarged
     * twice first: zoompan moves in whole pixels, which on a frame of the output's size shows as a judder.
     */
    private static String kenBurns(SlideshowPlan plan, SlideshowTimeline.Clip clip) {
        double last = Math.max(1, clip.slideFrames() - 1);
        String progress = "(on+" + clip.from() + ")/" + decimal(last);
        String zoom = clip.slide() % 2 == 0 ? "1+" + KEN_BURNS_ZOOM + "*" + progress
                : (1 + KEN_BURNS_ZOOM) + "-" + KEN_BURNS_ZOOM + "*" + progress;
        return "scale=" + 2 * plan.width() + ":" + 2 * plan.height() + ",zoompan=z='" + zoom
                + "':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=" + clip.frames() + ":s=" + plan.width() + "x"
                + plan.height() + ":fps=" + SlideshowTimeline.FPS;
    }

    /** The title, centred in the lower fifth on a translucent band, sized to fit the frame's width. */
    private static String title(SlideshowPlan plan, Path titleText, Path font) {
        int size = TitleSize.pixels(plan.title(), plan.width(), plan.height());
        return "drawtext=fontfile=" + FilterValues.escape(font.toString()) + ":textfile="
                + FilterValues.escape(titleText.toString()) + ":expansion=none:fontcolor=white:fontsize=" + size
                + ":box=1:boxcolor=black@0.45:boxborderw=" + Math.max(2, size / 3)
                + ":x=(w-text_w)/2:y=h*0.8-text_h/2";
    }

    /**
     * Joins the batches (listed in {@code batchList}, a concat list naming them relative to itself) by stream copy
     * and adds the sound: the music trimmed to the video and faded out, looped when shorter, its loudness
     * normalised; without music, a silent AAC track, so players that expect sound behave.
     */
    public ExternalCommand assemble(Path batchList, SlideshowPlan plan, double seconds, Path music, Path output) {
        List<String> argv = head();
        argv.addAll(new MediaInput(batchList, "concat", JOIN_DEMUXERS).arguments());
        String sound;
        String length = decimal(seconds);
        if (music != null) {
            argv.addAll(List.of("-stream_loop", "-1"));
            argv.addAll(new MediaInput(music, plan.audioFormat(), AUDIO_DEMUXERS).arguments());
            double fade = Math.min(LONGEST_FADE_OUT, seconds / 3);
            sound = "[1:a:0]aresample=48000,atrim=end=" + length + ",asetpts=N/SR/TB," + LOUDNESS
                    + ",aresample=48000,afade=t=out:st=" + decimal(seconds - fade) + ":d=" + decimal(fade)
                    + ",aformat=sample_fmts=fltp:channel_layouts=stereo[a]";
        } else {
            sound = "anullsrc=r=48000:cl=stereo,atrim=end=" + length + "[a]";
        }
        argv.addAll(List.of("-filter_complex", sound, "-map", "0:v:0", "-map", "[a]", "-c:v", "copy",
                "-c:a", "aac", "-b:a", "160k", "-t", length, "-movflags", "+faststart", "-f", "mp4", output.toString()));
        return new ExternalCommand(argv);
    }

    /** The concat list of the batches, named relative to the list (which the concat demuxer's safe mode wants). */
    public static String batchList(List<Path> batches) {
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        for (Path batch : batches) {
            list.append("file '").append(batch.getFileName()).append("'\n");
        }
        return list.toString();
    }

    private List<String> head() {
        return new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "warning", "-nostdin", "-y"));
    }

    private static String seconds(int frames) {
        return decimal((double) frames / SlideshowTimeline.FPS);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
