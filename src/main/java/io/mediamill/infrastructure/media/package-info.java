/** ffmpeg and ffprobe: command builders, output parsing and supervised process execution. */
package io.mediamill.infrastructure.media;
