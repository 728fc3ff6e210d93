package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.PictureFile;
import io.mediamill.application.ProcessingService;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Step 2 writer: records the pictures in the chunk's transaction. */
@Dependent
@Named
public class PictureItemWriter extends AbstractItemWriter {

    @Inject
    JobContext jobContext;


    @Inject
    ProcessingService processing;

    @Override
    public void writeItems(List<Object> items) {
        List<PictureFile> files = items.stream().map(PictureFile.class::cast).toList();
        processing.recordPictures(videoId(), files, ProgressWeights.PICTURES_DONE);
    }

    private String videoId() {
        return VideoJob.videoId(jobContext);
    }
}
