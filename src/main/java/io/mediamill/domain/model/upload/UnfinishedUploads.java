package io.mediamill.domain.model.upload;

/** How many resumable uploads of one owner are unfinished (not yet a video, not expired) and the bytes they declare. */
public record UnfinishedUploads(long count, long declaredBytes) {
}
