package io.mediamill.interfaces.rest;

import io.mediamill.domain.model.live.InputFacts;
import io.mediamill.domain.model.live.LiveStream;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A camera relay as the API shows it. Addresses are masked: no credential of a camera or target ever leaves the
 * server. {@code playlist} is where players find the HLS (a signed URL, good on every node for
 * {@code MEDIAMILL_MEDIA_URL_TTL_SECONDS}); {@code viewers} counts those watching through the answering node.
 */
@JsonbPropertyOrder({"cameraId", "title", "state", "source", "rtmpTarget", "playlist", "node", "owner", "requestedAt",
        "uptimeSeconds", "restarts", "failuresInARow", "input", "transcoding", "outputBitrate", "viewers", "lastError"})
public record StreamJson(String cameraId, String title, String state, String source, String rtmpTarget, String playlist,
                         String node, String owner, Instant requestedAt, Long uptimeSeconds, int restarts,
                         int failuresInARow, Input input, Boolean transcoding, Long outputBitrate, int viewers,
                         String lastError) {

    /** What the camera sends, as probed at the relay's last start. */
    @JsonbPropertyOrder({"videoCodec", "audioCodec", "width", "height"})
    public record Input(String videoCodec, String audioCodec, int width, int height) {

        static Input of(InputFacts facts) {
            return facts == null ? null : new Input(facts.videoCodec(), facts.audioCodec(), facts.width(), facts.height());
        }
    }

    /** {@code playlist}: the signed URL of the camera's playlist. */
    static StreamJson of(LiveStream stream, String playlist, int viewers, Instant now) {
        InputFacts input = stream.input();
        return new StreamJson(stream.cameraId().value(), stream.title(), stream.state().name(), stream.source().masked(),
                stream.target().map(target -> target.masked()).orElse(null),
                playlist, stream.node(), stream.owner(),
                stream.requestedAt(), stream.uptime(now).map(uptime -> uptime.toSeconds()).orElse(null),
                stream.restarts(), stream.failuresInARow(), Input.of(input),
                stream.transcoding(), stream.outputBitrate(), viewers, stream.lastError());
    }
}
