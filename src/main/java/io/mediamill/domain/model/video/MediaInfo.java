package io.mediamill.domain.model.video;

import java.util.Optional;

/**
 * What probing a media file found: its container, duration, overall bit rate and first video and audio
 * streams (either may be absent).
 */
public record MediaInfo(String container, Double durationSeconds, Long bitRate, VideoStreamInfo video,
                        AudioStreamInfo audio) {

    public Optional<VideoStreamInfo> videoStream() {
        return Optional.ofNullable(video);
    }

    public Optional<AudioStreamInfo> audioStream() {
        return Optional.ofNullable(audio);
    }

    public boolean hasVideo() {
        return video != null;
    }

    public boolean hasAudio() {
        return audio != null;
    }
}
