package io.mediamill.domain.model.secret;

import java.util.function.Supplier;

/**
 * Stores secrets that every node sharing the database must agree on. Kept with the data rather than in each
 * node's configuration, so a new node needs nothing but the database to accept the others' signed URLs.
 */
public interface ServerSecretRepository {

    /**
     * The secret stored under {@code name}. When there is none yet, {@code fresh} is stored; when another
     * node stores one at the same moment, exactly one of them wins and both callers get the winner.
     */
    String getOrCreate(String name, Supplier<String> fresh);
}
