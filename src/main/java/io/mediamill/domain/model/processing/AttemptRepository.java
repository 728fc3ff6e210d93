package io.mediamill.domain.model.processing;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Stores attempts. Each call is its own transaction unless the caller already runs in one. */
public interface AttemptRepository {

    /** Records a newly started attempt, numbered after the video's previous ones; returns it. */
    Attempt start(long executionId, String videoId, String node);

    Optional<Attempt> find(long executionId);

    /** Applies a change to a stored attempt, if there is one. */
    Optional<Attempt> update(long executionId, Consumer<Attempt> change);

    /** A video's attempts, first first. */
    List<Attempt> ofVideo(String videoId);

    /** A page of attempts, newest first, all or those with one status. */
    List<Attempt> newestFirst(AttemptStatus status, int offset, int limit);

    long count(AttemptStatus status);
}
