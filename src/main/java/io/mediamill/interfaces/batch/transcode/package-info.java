/** Artifacts of the transcode-video job (probe, thumbnails, renditions, publish), which compose-slideshow runs too. */
package io.mediamill.interfaces.batch.transcode;
