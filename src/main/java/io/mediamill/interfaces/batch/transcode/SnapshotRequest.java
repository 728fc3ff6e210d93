package io.mediamill.interfaces.batch.transcode;

import java.io.Serializable;

/** One thumbnail to take: its position among {@code count} and the time in the video. */
public record SnapshotRequest(int position, int count, double timeSeconds) implements Serializable {
}
