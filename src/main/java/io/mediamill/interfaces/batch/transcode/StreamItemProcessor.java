package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.ProgressReport;
import io.mediamill.application.SourceMedia;
import io.mediamill.application.StreamFiles;
import io.mediamill.domain.model.video.LadderPlan;
import io.mediamill.domain.model.video.RenditionKind;
import io.mediamill.domain.model.video.RenditionSpec;
import io.mediamill.infrastructure.media.StreamLayout;
import io.mediamill.infrastructure.media.Transcoder;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 3 processor. The ladder: one ffmpeg run writes every rung and the audio as CMAF segments with the HLS
 * and DASH manifests into a hidden folder, which is then renamed into place. The download: the top rung and
 * the audio remuxed from that stream into one progressive file.
 */
@Dependent
@Named
public class StreamItemProcessor implements ItemProcessor {

    @Inject
    JobContext jobContext;


    @Inject
    ProcessingService processing;

    @Inject
    Transcoder transcoder;

    @Inject
    MediaStorage storage;

    @Override
    public Object processItem(Object item) {
        // Read again for every item: a video deleted meanwhile fails the step here, before ffmpeg runs.
        SourceMedia source = processing.source(videoId());
        Path stream = storage.streamDir(videoId());
        return item == StreamOutput.LADDER ? ladder(source, stream) : download(source, stream);
    }

    private StreamFiles ladder(SourceMedia source, Path stream) {
        LadderPlan plan = source.plan();
        try (ProgressReport progress = processing.trackProgress(videoId(), source.duration(),
                ProgressWeights.PICTURES_DONE, ProgressWeights.LADDER_DONE)) {
            storage.produceDirectory(stream, work -> transcoder.ladder(videoId(), source.input(), plan, source.watermark(),
                    work, source.durationSeconds(), progress));
        }
        return new StreamFiles(storage.relative(stream.resolve(StreamLayout.MASTER_PLAYLIST)),
                storage.relative(stream.resolve(StreamLayout.MANIFEST)), measure(plan, source, stream));
    }

    /** Each rendition's size is what its segments weigh; its bit rate, that over the duration. */
    private List<RenditionSpec> measure(LadderPlan plan, SourceMedia source, Path stream) {
        List<RenditionSpec> renditions = new ArrayList<>();
        int index = 0;
        for (LadderPlan.Rung rung : plan.rungs()) {
            int height = rung.copy() ? source.height() : rung.profile().height();
            int width = rung.copy() ? source.width() : source.widthAtHeight(height);
            renditions.add(spec(RenditionKind.VIDEO, height, width, stream, index++, source.duration()));
        }
        if (plan.audio()) {
            renditions.add(spec(RenditionKind.AUDIO, 0, 0, stream, index, source.duration()));
        }
        return renditions;
    }

    private RenditionSpec spec(RenditionKind kind, int height, int width, Path stream, int index, double duration) {
        long bytes = storage.sizeOf(stream, file -> StreamLayout.belongsTo(file, index));
        long bitrate = duration > 0 ? Math.round(bytes * 8 / duration) : 0;
        return new RenditionSpec(kind, height, width, bitrate, bytes,
                storage.relative(stream.resolve(StreamLayout.mediaPlaylist(index))));
    }

    private DownloadFile download(SourceMedia source, Path stream) {
        LadderPlan plan = source.plan();
        Path video = plan.hasVideo() ? stream.resolve(StreamLayout.mediaPlaylist(0)) : null;
        Path audio = plan.audio() ? stream.resolve(StreamLayout.mediaPlaylist(plan.rungs().size())) : null;
        Path target = storage.download(videoId(), plan.hasVideo());
        storage.produce(target, temporary -> transcoder.download(videoId(), video, audio, temporary, source.durationSeconds()));
        return new DownloadFile(storage.relative(target));
    }

    private String videoId() {
        return VideoJob.videoId(jobContext);
    }
}
