package io.mediamill.application;

import java.io.Serializable;

/** A picture written to the media volume, ready to be recorded: the poster, a snapshot or the storyboard track. */
public record PictureFile(Kind kind, int position, double timeSeconds, String path, int width, int height)
        implements Serializable {

    /** What the picture is for. */
    public enum Kind {
        POSTER, SNAPSHOT, STORYBOARD
    }
}
