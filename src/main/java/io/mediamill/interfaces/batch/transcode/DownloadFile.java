package io.mediamill.interfaces.batch.transcode;

import java.io.Serializable;

/** The progressive download written to the media volume, ready to be recorded. */
record DownloadFile(String path) implements Serializable {
}
