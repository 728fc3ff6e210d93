package io.mediamill.interfaces.batch.transcode;

import jakarta.batch.runtime.context.JobContext;

/** The video an execution of a video job processes: a job-level property, set once in the job XML. */
public final class VideoJob {

    static final String VIDEO_ID = "videoId";

    private VideoJob() {
    }

    public static String videoId(JobContext job) {
        String videoId = job.getProperties().getProperty(VIDEO_ID);
        if (videoId == null || videoId.isBlank()) {
            throw new IllegalStateException("job execution " + job.getExecutionId() + " names no video");
        }
        return videoId;
    }
}
