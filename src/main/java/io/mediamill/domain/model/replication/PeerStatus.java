package io.mediamill.domain.model.replication;

import java.time.Instant;

/**
 * A peer as this node sees it: where its volume is reached (never with a secret), what waits to be sent to it,
 * since when, the last error and the last transfer that worked.
 */
public record PeerStatus(String name, String address, long backlog, Instant pendingSince, String lastError,
                         Instant lastTransfer) {
}
