package io.mediamill.domain.model.video;

/** A rendition is a video rung of the ladder or the audio-only rendition. */
public enum RenditionKind {
    VIDEO,
    AUDIO
}
