package io.mediamill.application.slideshow;

import io.mediamill.application.FileNames;
import io.mediamill.application.ProbeSlots;
import io.mediamill.domain.model.replication.VolumeReplication;
import io.mediamill.domain.model.slideshow.Slide;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import io.mediamill.domain.model.slideshow.SlideshowTimeline;
import io.mediamill.domain.model.slideshow.Transitions;
import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.ImageFacts;
import io.mediamill.infrastructure.media.MediaInput;
import io.mediamill.infrastructure.media.MediaProber;
import io.mediamill.infrastructure.media.RefusedFormatException;
import io.mediamill.infrastructure.media.SlideshowCommands;
import io.mediamill.infrastructure.media.UnreadableMediaException;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Takes a composition: checks every option and file (each image decoded once by ffprobe, the music probed), then
 * moves the files into the new video's composition folder and records the video with its plan, queued. Its job
 * ({@code compose-slideshow}) composes the MP4 and then processes it as any upload. A refused composition
 * leaves nothing behind: its files stay in the request's spool, which is emptied when the request ends.
 */
@ApplicationScoped
public class CompositionService {

    static final String COMPOSED_NAME = "slideshow.mp4";

    @Inject
    MediaStorage storage;

    @Inject
    VideoRepository videos;

    @Inject
    MediaProber prober;

    @Inject
    ProbeSlots probeSlots;

    @Inject
    MediamillConfig config;

    @Inject
    VolumeReplication replication;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService probes;

    public Video compose(String owner, CompositionOptions options, List<SentFile> images, SentFile audio) {
        if (images.size() < CompositionOptions.MIN_IMAGES || images.size() > CompositionOptions.MAX_IMAGES) {
            throw new RefusedCompositionException("image", "A slideshow takes " + CompositionOptions.MIN_IMAGES + " to "
                    + CompositionOptions.MAX_IMAGES + " images (parts named \"image\"); this one has " + images.size() + ".");
        }
        List<Double> seconds = options.secondsFor(images.size());
        SlideshowTimeline timeline = new SlideshowTimeline(seconds, options.transitionSeconds());
        int crowded = timeline.firstCrowdedSlide();
        if (crowded >= 0) {
            throw new RefusedCompositionException("transitionSeconds", "A transition of " + options.transitionSeconds()
                    + " s does not fit image " + (crowded + 1) + ", shown for " + seconds.get(crowded) + " s: each image needs"
                    + " its time for its transitions (two for an image between others), so make transitionSeconds shorter"
                    + " or the images longer.");
        }
        if (timeline.totalSeconds() > config.maxDurationSeconds()) {
            throw new RefusedCompositionException("secondsPerImage", "The slideshow would last " + Math.round(timeline.totalSeconds())
                    + " s, longer than the limit of " + config.maxDurationSeconds() + " s.");
        }
        if (options.title() != null && !Files.isRegularFile(config.slideshow().titleFont())) {
            throw new RefusedCompositionException(503, "title", "This server has no font to draw titles with ("
                    + config.slideshow().titleFont() + " is missing); send the slideshow without a title, or ask its operator.");
        }
        List<ImageFacts> facts = checkImages(images);
        MediaInfo music = audio == null ? null : checkAudio(audio);

        String videoId = Video.newId();
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            ImageFacts image = facts.get(i);
            slides.add(new Slide(imageName(i), image.format(), image.width(), image.height(), image.orientation(), seconds.get(i)));
        }
        String audioFormat = music == null ? null : music.container().split(",")[0];
        SlideshowPlan plan = new SlideshowPlan(options.width(), options.height(), options.fit(), options.background(),
                options.kenBurns(), options.title(), options.transitionSeconds(), slides,
                Transitions.forJoins(options.transition(), images.size() - 1, videoId.hashCode()),
                audio == null ? null : MUSIC, audioFormat);
        long bytes = images.stream().mapToLong(image -> image.received().size()).sum()
                + (audio == null ? 0 : audio.received().size());
        Video video = new Video(videoId, options.title() == null ? "Slideshow" : options.title(), COMPOSED_NAME,
                storage.relative(storage.original(videoId)), bytes, clock.instant());
        video.identifyContent(owner, null);
        video.composeFrom(plan);
        video.changeVisibility(options.visibility(), clock.instant());
        video.queue(clock.instant());
        try {
            for (int i = 0; i < images.size(); i++) {
                storage.commitCompositionFile(videoId, images.get(i).received().path(), imageName(i));
            }
            if (audio != null) {
                storage.commitCompositionFile(videoId, audio.received().path(), MUSIC);
            }
            videos.addQueued(video);
        } catch (RuntimeException notRecorded) {
            storage.deleteVideo(videoId);
            throw notRecorded;
        }
        replication.filesChanged(videoId);
        return videos.find(videoId).orElseThrow();
    }

    static final String MUSIC = "music";

    /** Images are kept without an extension: ffprobe and ffmpeg judge them by their bytes, never by a name. */
    static String imageName(int index) {
        return String.format(Locale.ROOT, "image-%02d", index);
    }

    /** Every image decoded once, side by side within the probe slots; the first refused in the order sent is reported. */
    private List<ImageFacts> checkImages(List<SentFile> images) {
        List<CompletableFuture<ImageFacts>> checks = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            int index = i;
            checks.add(CompletableFuture.supplyAsync(() -> checkImage(index, images.get(index)), probes));
        }
        List<ImageFacts> facts = new ArrayList<>();
        RuntimeException first = null;
        for (CompletableFuture<ImageFacts> check : checks) {
            try {
                facts.add(check.join());
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return facts;
    }

    private ImageFacts checkImage(int index, SentFile image) {
        String named = "Image " + (index + 1) + named(image);
        if (image.received().size() == 0) {
            throw new RefusedCompositionException("image", named + "is empty.");
        }
        ImageFacts facts;
        try {
            facts = probeSlots.run(() -> prober.probeImage(new MediaInput(image.received().path(), null,
                    SlideshowCommands.IMAGE_DEMUXERS)));
        } catch (RefusedFormatException e) {
            throw new RefusedCompositionException("image", named + "is not a JPEG, PNG or WebP image (it reads as "
                    + e.format() + ").");
        } catch (UnreadableMediaException e) {
            throw new RefusedCompositionException("image", named + "cannot be read as an image: " + redacted(e, image) + ".");
        }
        long maxPixels = config.slideshow().maxImageMegapixels() * 1_000_000L;
        if ((long) facts.width() * facts.height() > maxPixels || facts.width() > 16384 || facts.height() > 16384) {
            throw new RefusedCompositionException("image", named + "is " + facts.width() + "×" + facts.height()
                    + " pixels, larger than the limit of " + config.slideshow().maxImageMegapixels()
                    + " megapixels and 16384 pixels a side.");
        }
        return facts;
    }

    private MediaInfo checkAudio(SentFile audio) {
        String named = "The audio" + named(audio);
        if (audio.received().size() == 0) {
            throw new RefusedCompositionException("audio", named + "is empty.");
        }
        MediaInfo info;
        try {
            info = probeSlots.run(() -> prober.probe(new MediaInput(audio.received().path(), null, SlideshowCommands.AUDIO_DEMUXERS)));
        } catch (RefusedFormatException e) {
            throw new RefusedCompositionException("audio", named + "is not MP3, AAC, M4A, WAV, Ogg or FLAC audio (it reads as "
                    + e.format() + ").");
        } catch (UnreadableMediaException e) {
            throw new RefusedCompositionException("audio", named + "cannot be read as audio: " + redacted(e, audio) + ".");
        }
        if (!info.hasAudio() || info.durationSeconds() == null || !(info.durationSeconds() > 0)) {
            throw new RefusedCompositionException("audio", named + "has no sound in it.");
        }
        return info;
    }

    private static String named(SentFile file) {
        String name = FileNames.displayName(file.clientName());
        return name == null ? " " : " (\"" + name + "\") ";
    }

    /** ffprobe's words name the spooled file by its path on the server: the client's name replaces it. */
    private String redacted(UnreadableMediaException e, SentFile file) {
        String name = FileNames.displayName(file.clientName());
        return e.getMessage().replace(file.received().path().toString(), name == null ? "the file" : name)
                .replace(storage.root().toString(), "…");
    }
}
