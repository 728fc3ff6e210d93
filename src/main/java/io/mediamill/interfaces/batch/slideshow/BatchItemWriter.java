package io.mediamill.interfaces.batch.slideshow;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/**
 * Step "compose" writer: nothing to write, the batch's file is in place and its progress saved; the chunk's
 * commit is what counts, moving the checkpoint past the batch.
 */
@Dependent
@Named("slideshowBatchWriter")
public class BatchItemWriter extends AbstractItemWriter {

    @Override
    public void writeItems(List<Object> batches) {
        // The checkpoint moves with the commit that follows.
    }
}
