package io.mediamill.domain.model.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Stores resumable uploads. Each call is its own transaction unless the caller already runs in one. */
public interface ResumableUploadRepository {

    void add(ResumableUpload upload);

    Optional<ResumableUpload> find(String id);

    /** Moves the offset from {@code oldOffset} to {@code newOffset}; false when another request moved it first. */
    boolean advance(String id, long oldOffset, long newOffset);

    /**
     * The upload's bytes are on {@code node} now, {@code newOffset} of them: if it still stands at {@code oldOffset}
     * (no other request moved it on meanwhile).
     */
    boolean moveTo(String id, String node, long oldOffset, long newOffset);

    ResumableUpload update(String id, Consumer<ResumableUpload> change);

    List<ResumableUpload> expiredBefore(Instant now);

    /** The owner's uploads that are not yet a video and may still be resumed at {@code now}. */
    UnfinishedUploads unfinishedBy(String owner, Instant now);

    void remove(String id);
}
