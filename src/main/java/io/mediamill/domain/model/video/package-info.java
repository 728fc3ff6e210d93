/** The video aggregate: an uploaded video, its probed media facts, thumbnails and renditions. */
package io.mediamill.domain.model.video;
