/** Artifacts of the transcode-video job: probe, thumbnails, renditions, publish. */
package io.mediamill.interfaces.batch.transcode;
