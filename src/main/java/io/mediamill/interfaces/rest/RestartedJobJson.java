package io.mediamill.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer to a restart: the new execution's id (its job record appears once the batch runtime has begun it,
 * a moment later, so it is not shown here), the execution it continues, and its video.
 */
@JsonbPropertyOrder({"executionId", "restartOf", "videoId"})
public record RestartedJobJson(long executionId, long restartOf, String videoId) {
}
