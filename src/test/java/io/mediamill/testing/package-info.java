/** Test support: an HTTP client for the deployed service and media generated with ffmpeg's lavfi sources. */
package io.mediamill.testing;
