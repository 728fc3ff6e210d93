package io.mediamill.domain.model.video;

/** The first audio stream of a media file as ffprobe saw it. */
public record AudioStreamInfo(String codec, int channels, int sampleRate) {
}
