package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.ThumbnailFile;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Step 2 writer: records the thumbnails in the chunk's transaction. */
@Dependent
@Named
public class ThumbnailItemWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String videoId;

    @Inject
    ProcessingService processing;

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
        List<ItemOutput<ThumbnailFile>> outputs = items.stream().map(item -> (ItemOutput<ThumbnailFile>) item).toList();
        ItemOutput<ThumbnailFile> last = outputs.get(outputs.size() - 1);
        processing.recordThumbnails(videoId, outputs.stream().map(ItemOutput::file).toList(),
                ProgressWeights.thumbnails(last.position() + 1, last.count()));
    }
}
