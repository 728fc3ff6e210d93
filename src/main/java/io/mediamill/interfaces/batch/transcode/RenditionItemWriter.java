package io.mediamill.interfaces.batch.transcode;

import io.mediamill.application.ProcessingService;
import io.mediamill.application.RenditionFile;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Step 3 writer: records the renditions in the chunk's transaction. */
@Dependent
@Named
public class RenditionItemWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String videoId;

    @Inject
    ProcessingService processing;

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
        List<ItemOutput<RenditionFile>> outputs = items.stream().map(item -> (ItemOutput<RenditionFile>) item).toList();
        ItemOutput<RenditionFile> last = outputs.get(outputs.size() - 1);
        processing.recordRenditions(videoId, outputs.stream().map(ItemOutput::file).toList(),
                ProgressWeights.renditions(last.position() + 1, last.count()));
    }
}
