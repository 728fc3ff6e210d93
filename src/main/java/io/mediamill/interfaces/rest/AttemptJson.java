package io.mediamill.interfaces.rest;

import io.mediamill.domain.model.processing.Attempt;
import io.mediamill.domain.model.processing.AttemptStatus;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** One attempt at processing a video, as {@code GET /api/videos/{id}/attempts} lists it. */
@JsonbPropertyOrder({"attempt", "executionId", "node", "status", "startedAt", "endedAt", "failedStep", "error"})
public record AttemptJson(int attempt, long executionId, String node, AttemptStatus status, Instant startedAt,
                          Instant endedAt, String failedStep, String error) {

    public static AttemptJson of(Attempt attempt) {
        return new AttemptJson(attempt.attempt(), attempt.executionId(), attempt.node(), attempt.status(),
                attempt.startedAt(), attempt.endedAt(), attempt.failedStep(), attempt.error());
    }
}
