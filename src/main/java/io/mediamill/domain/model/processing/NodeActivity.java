package io.mediamill.domain.model.processing;

import java.time.Instant;

/** A node sharing the database: when it last said it was alive, whether that is recent enough, what it runs. */
public record NodeActivity(String name, Instant startedAt, Instant lastHeartbeat, boolean alive, int workers,
                           long runningTasks) {
}
