package io.mediamill.interfaces.rest;

import io.mediamill.application.JobView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** One page of job executions, newest first, with the total (of the status asked for) to page through. */
@JsonbPropertyOrder({"total", "page", "size", "jobs"})
public record JobPageJson(long total, int page, int size, List<JobJson> jobs) {

    static JobPageJson of(List<JobView> jobs, long total, JobQuery query, Instant now) {
        return new JobPageJson(total, query.page(), query.size(), jobs.stream().map(job -> JobJson.of(job, now)).toList());
    }
}
