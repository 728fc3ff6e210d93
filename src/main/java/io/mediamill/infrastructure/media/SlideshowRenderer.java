package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.slideshow.Slide;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import io.mediamill.domain.model.slideshow.SlideshowTimeline;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * Runs a slideshow's ffmpeg commands ({@link SlideshowCommands}), each under its limits and on behalf of its video,
 * so that cancelling the video's work stops them as it stops a transcode.
 */
@ApplicationScoped
public class SlideshowRenderer {

    private ProcessRunner runner;
    private MediamillConfig config;
    private SlideshowCommands commands;

    protected SlideshowRenderer() {
        // for CDI proxies
    }

    @Inject
    public SlideshowRenderer(ProcessRunner runner, MediamillConfig config) {
        this.runner = runner;
        this.config = config;
        this.commands = new SlideshowCommands(config.ffmpeg(), "veryfast");
    }

    /** Renders one batch; {@code renderedSeconds} hears how far into it ffmpeg got. */
    public void batch(String videoId, SlideshowPlan plan, SlideshowTimeline.Batch batch, Function<Slide, Path> fileOf,
                      Path titleText, Path output, DoubleConsumer renderedSeconds) {
        double seconds = (double) batch.frames() / SlideshowTimeline.FPS;
        runner.runWithProgress(commands.batch(plan, batch, fileOf, titleText, config.slideshow().titleFont(), output)
                        .ownedBy(videoId).inBackground(),
                new RunLimits(config.transcodeTimeout(seconds), config.stallTimeout()), renderedSeconds);
    }

    /** Joins the rendered batches and adds the music (null: silence). */
    public void assemble(String videoId, Path batchList, SlideshowPlan plan, Path music, Path output) {
        double seconds = plan.timeline().totalSeconds();
        runner.run(commands.assemble(batchList, plan, seconds, music, output).ownedBy(videoId).inBackground(),
                config.transcodeTimeout(seconds));
    }
}
