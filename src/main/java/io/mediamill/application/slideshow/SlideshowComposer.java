package io.mediamill.application.slideshow;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.ProgressReport;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import io.mediamill.domain.model.slideshow.SlideshowTimeline;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.SlideshowCommands;
import io.mediamill.infrastructure.media.SlideshowRenderer;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Composes a video's MP4 from its plan, as its batch job's steps ask: each batch of images rendered into a file of
 * its own (a resumed job renders only what is missing on this node), then the batches joined with the music into
 * the video's source, where the rest of the job finds it as it finds an upload.
 */
@ApplicationScoped
public class SlideshowComposer {

    /** Of composing's progress, rendering the batches takes this much, joining them with the music the rest. */
    private static final int RENDERED = 90;

    @Inject
    VideoRepository videos;

    @Inject
    MediaStorage storage;

    @Inject
    MediamillConfig config;

    @Inject
    ProcessingService processing;

    @Inject
    SlideshowRenderer renderer;

    @Inject
    Clock clock;

    /** How many batches the video's composition is rendered in; none when its source is composed here already. */
    public int batchCount(String videoId) {
        return composed(videoId) ? 0 : batches(plan(videoId)).size();
    }

    /**
     * The first batch to render when a step starts at {@code checkpoint}: the checkpoint, or an earlier batch whose
     * file this node does not have (they stay on the node that rendered them).
     */
    public int resumeFrom(String videoId, int checkpoint) {
        for (int i = 0; i < checkpoint; i++) {
            if (!Files.isRegularFile(batchFile(videoId, i))) {
                return i;
            }
        }
        return checkpoint;
    }

    /** Renders batch {@code index} into its file, replacing any earlier attempt's. */
    public void render(String videoId, int index) {
        SlideshowPlan plan = plan(videoId);
        List<SlideshowTimeline.Batch> batches = batches(plan);
        SlideshowTimeline.Batch batch = batches.get(index);
        Path work = workDir(videoId);
        Path title = index == 0 && plan.hasTitle() ? writeTitle(work, plan.title()) : null;
        Path images = storage.compositionDir(videoId);
        int total = plan.timeline().totalFrames();
        int before = batches.subList(0, index).stream().mapToInt(SlideshowTimeline.Batch::frames).sum();
        int from = RENDERED * before / total;
        int to = RENDERED * (before + batch.frames()) / total;
        try (ProgressReport progress = processing.trackComposing(videoId, (double) batch.frames() / SlideshowTimeline.FPS, from, to)) {
            storage.produce(batchFile(videoId, index), output -> renderer.batch(videoId, plan, batch,
                    slide -> images.resolve(slide.file()), title, output, progress));
        }
        processing.recordComposing(videoId, to);
    }

    /**
     * Joins the batches with the music into the video's source and records its size; this node's batch files are
     * removed once the source is in place.
     */
    public void assemble(String videoId) {
        if (composed(videoId)) {
            return;
        }
        SlideshowPlan plan = plan(videoId);
        int count = batches(plan).size();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = batchFile(videoId, i);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("batch " + (i + 1) + " of " + count + " is not on this node");
            }
            files.add(file);
        }
        Path list = workDir(videoId).resolve("batches.ffconcat");
        storage.writeAtomically(list, SlideshowCommands.batchList(files));
        Path music = plan.hasAudio() ? storage.compositionDir(videoId).resolve(plan.audio()) : null;
        Path source = storage.original(videoId);
        storage.produce(source, output -> renderer.assemble(videoId, list, plan, music, output));
        long bytes;
        try {
            bytes = Files.size(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        videos.update(videoId, video -> video.recordComposed(bytes, clock.instant()));
        MediaStorage.deleteTree(workDir(videoId));
    }

    /** Whether the video's source has been composed and is on this node. */
    private boolean composed(String videoId) {
        return storage.hasOriginal(videoId);
    }

    private List<SlideshowTimeline.Batch> batches(SlideshowPlan plan) {
        MediamillConfig.SlideshowSettings settings = config.slideshow();
        return plan.timeline().batches(settings.batchImages(), settings.batchMegapixels() * 1_000_000L,
                i -> plan.slides().get(i).pixels());
    }

    private SlideshowPlan plan(String videoId) {
        Video video = videos.find(videoId).orElseThrow(() -> new VideoNotFoundException(videoId));
        return video.composition().orElseThrow(() -> new IllegalStateException("video " + videoId + " is not a composition"));
    }

    private Path batchFile(String videoId, int index) {
        return storage.compositionWorkDir(videoId).resolve(String.format(Locale.ROOT, "batch-%02d.mp4", index));
    }

    private Path workDir(String videoId) {
        Path work = storage.compositionWorkDir(videoId);
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return work;
    }

    /** drawtext reads the title from a file, so no character of it needs escaping. */
    private static Path writeTitle(Path work, String title) {
        Path file = work.resolve("title.txt");
        try {
            Files.writeString(file, title, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
