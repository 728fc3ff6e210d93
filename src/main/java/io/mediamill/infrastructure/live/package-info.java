/** Runs the live relays this node claimed: one supervised ffmpeg per camera, restarted with backoff, killed when hung. */
package io.mediamill.infrastructure.live;
