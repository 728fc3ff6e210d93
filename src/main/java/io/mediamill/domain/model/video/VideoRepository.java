package io.mediamill.domain.model.video;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Stores videos. Each call is its own transaction unless the caller already runs in one. */
public interface VideoRepository {

    void add(Video video);

    /** Adds a video together with its task in the processing queue: one transaction, so neither exists alone. */
    void addQueued(Video video);

    Optional<Video> find(String id);

    /** Applies a change to the stored video inside a transaction and returns the changed video. */
    Video update(String id, Consumer<Video> change);

    /** The same in a transaction of its own, committed whatever becomes of the caller's. */
    Video updateOnItsOwn(String id, Consumer<Video> change);

    /** A page of videos, newest first. */
    List<Video> newestFirst(int offset, int limit);

    /** A page of one owner's videos, newest first. */
    List<Video> newestFirstOwnedBy(String owner, int offset, int limit);

    long count();

    long countOwnedBy(String owner);

    long countWithStatus(VideoStatus status);

    /** The owner's video with exactly this content, if it was uploaded before. */
    Optional<Video> findByOwnerAndSha256(String owner, String sha256);

    void remove(String id);
}
