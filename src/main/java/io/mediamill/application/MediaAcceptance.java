package io.mediamill.application;

import io.mediamill.domain.model.video.MediaInfo;
import java.util.Optional;

/**
 * What probed media the service takes: something to see or hear, in codecs ffmpeg can decode, a usable picture
 * no larger than {@link #MAX_SIDE} a side, not too long.
 */
final class MediaAcceptance {

    /** DCI 8K's width: the largest picture cameras and editors make; anything larger is a lie or a bomb. */
    static final int MAX_SIDE = 8192;

    private MediaAcceptance() {
    }

    /** Why the media is refused, as the end of a sentence starting with its name; empty when it is fine. */
    static Optional<String> refusal(MediaInfo media, long maxDurationSeconds) {
        if (!media.hasVideo() && !media.hasAudio()) {
            return Optional.of("has no video or audio stream");
        }
        // ffprobe names no codec where ffmpeg has no decoder: every step would fail on it, so say so now.
        if (media.hasVideo() && media.video().codec() == null) {
            return Optional.of("has a video stream in a format ffmpeg cannot decode");
        }
        if (media.hasAudio() && media.audio().codec() == null) {
            return Optional.of("has an audio stream in a format ffmpeg cannot decode");
        }
        if (media.hasVideo() && (media.video().displayWidth() < 2 || media.video().displayHeight() < 2)) {
            return Optional.of("has a video stream without a usable picture size");
        }
        if (media.hasVideo() && Math.max(media.video().width(), media.video().height()) > MAX_SIDE) {
            return Optional.of("has a " + media.video().width() + "x" + media.video().height() + " picture, larger than "
                    + MAX_SIDE + " pixels a side");
        }
        if (media.durationSeconds() != null && media.durationSeconds() > maxDurationSeconds) {
            return Optional.of("lasts " + Math.round(media.durationSeconds()) + " s, longer than the limit of "
                    + maxDurationSeconds + " s");
        }
        return Optional.empty();
    }
}
