package io.mediamill.domain.model.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A camera's relay as recorded: what to relay and where to, whether an operator wants it running, which node
 * holds it, and how it is doing ({@code input}, {@code transcoding} and {@code outputBitrate} are null until first
 * known).
 */
public record LiveStream(CameraId cameraId, StreamSource source, StreamSource rtmpTarget, String title, String owner,
                         boolean wanted, String node, RelayState state, Instant requestedAt, Instant runningSince,
                         int restarts, int failuresInARow, String lastError, InputFacts input, Boolean transcoding,
                         Long outputBitrate) {

    public Optional<StreamSource> target() {
        return Optional.ofNullable(rtmpTarget);
    }

    /** How long it has been running without a break, when it is running. */
    public Optional<Duration> uptime(Instant now) {
        return state == RelayState.RUNNING && runningSince != null
                ? Optional.of(Duration.between(runningSince, now)) : Optional.empty();
    }

    /** Whether a start with this source and target asks for this very relay. */
    public boolean relays(StreamSource otherSource, StreamSource otherTarget) {
        return source.url().equals(otherSource.url())
                && (rtmpTarget == null ? otherTarget == null : otherTarget != null && rtmpTarget.url().equals(otherTarget.url()));
    }
}
