package io.mediamill.interfaces.rest;

import io.mediamill.domain.model.processing.AttemptStatus;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which page of job executions a client asks for, read from the query parameters of both the list and its event
 * stream. A status JAX-RS cannot convert would be a 404 by the specification; a client that misspelt one is told
 * which statuses there are instead (400).
 */
record JobQuery(AttemptStatus status, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** @throws InvalidQueryException naming what is wrong and what would be right */
    static JobQuery of(String status, int page, int size) {
        if (page < 0) {
            throw new InvalidQueryException("page counts from 0, not " + page + ".");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size must be 1 to " + MAX_SIZE + ", not " + size + ".");
        }
        return new JobQuery(status(status), page, size);
    }

    private static AttemptStatus status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AttemptStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("Unknown status \"" + name + "\"; the statuses are "
                    + Arrays.toString(AttemptStatus.values()) + ", or none for every job.");
        }
    }
}
