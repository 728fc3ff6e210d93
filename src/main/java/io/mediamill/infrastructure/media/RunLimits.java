package io.mediamill.infrastructure.media;

import java.time.Duration;

/** How long a run may take in all, and how long it may go without progress before it counts as stalled. */
public record RunLimits(Duration total, Duration stall) {
}
