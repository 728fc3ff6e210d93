package io.mediamill.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What one event of {@code GET /api/jobs/events} carries: everything the console page shows but attempt history. */
@JsonbPropertyOrder({"jobs", "queue"})
public record ConsoleJson(JobPageJson jobs, QueueJson queue) {
}
