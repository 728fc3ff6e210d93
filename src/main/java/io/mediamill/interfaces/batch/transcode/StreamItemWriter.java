package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.StreamFiles;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Step 3 writer: records the stream and its renditions, or the download, in the chunk's transaction. */
@Dependent
@Named
public class StreamItemWriter extends AbstractItemWriter {

    @Inject
    JobContext jobContext;


    @Inject
    ProcessingService processing;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            if (item instanceof StreamFiles stream) {
                processing.recordStream(videoId(), stream, ProgressWeights.LADDER_DONE);
            } else {
                processing.recordDownload(videoId(), ((DownloadFile) item).path(), ProgressWeights.DOWNLOAD_DONE);
            }
        }
    }

    private String videoId() {
        return VideoJob.videoId(jobContext);
    }
}
