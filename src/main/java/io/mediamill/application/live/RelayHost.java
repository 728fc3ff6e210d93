package io.mediamill.application.live;

/** The node's side of the relays: what runs the ffmpeg processes of the cameras this node claimed. */
public interface RelayHost {

    /** Looks at the wanted relays soon, rather than at the next regular look: a start or stop was just recorded. */
    void wake();
}
