package io.mediamill.application;

import io.mediamill.domain.model.video.MediaInfo;
import java.util.Optional;

/** What probed media the service takes: something to see or hear, a usable picture, not too long. */
final class MediaAcceptance {

    private MediaAcceptance() {
    }

    /** Why the media is refused, as the end of a sentence starting with its name; empty when it is fine. */
    static Optional<String> refusal(MediaInfo media, long maxDurationSeconds) {
        if (!media.hasVideo() && !media.hasAudio()) {
            return Optional.of("has no video or audio stream");
        }
        if (media.hasVideo() && (media.video().displayWidth() < 2 || media.video().displayHeight() < 2)) {
            return Optional.of("has a video stream without a usable picture size");
        }
        if (media.durationSeconds() != null && media.durationSeconds() > maxDurationSeconds) {
            return Optional.of("lasts " + Math.round(media.durationSeconds()) + " s, longer than the limit of "
                    + maxDurationSeconds + " s");
        }
        return Optional.empty();
    }
}
