package io.mediamill.interfaces.batch.transcode;

/** The items of the renditions step, in order: the adaptive stream (one ladder run), then the download remuxed from it. */
enum StreamOutput {
    LADDER,
    DOWNLOAD
}
