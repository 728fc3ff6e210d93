package io.mediamill.domain.model.live;

/** What a camera sends, as probed at the relay's last start: codecs (audio null when it has none) and picture size. */
public record InputFacts(String videoCodec, String audioCodec, int width, int height) {

    /** H.264 is copied as it is; anything else is transcoded, so that every browser plays it. */
    public boolean videoIsH264() {
        return "h264".equals(videoCodec);
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
