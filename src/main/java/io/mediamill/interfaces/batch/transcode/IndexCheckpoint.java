package io.mediamill.interfaces.batch.transcode;

import java.io.Serializable;
import java.util.List;

/**
 * Walks a fixed list of items and remembers how many were handed out. Item count is 1, so the checkpoint
 * after a commit is exactly the number of finished items, and a restart continues with the next one.
 */
final class IndexCheckpoint<T> {

    private final List<T> items;
    private int next;

    IndexCheckpoint(List<T> items, Serializable checkpoint) {
        this.items = List.copyOf(items);
        this.next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    T nextItem() {
        return next < items.size() ? items.get(next++) : null;
    }

    Serializable checkpoint() {
        return next;
    }
}
