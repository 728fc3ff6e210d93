package io.mediamill.application;

import io.mediamill.domain.model.video.RenditionSpec;
import java.io.Serializable;
import java.util.List;

/** The adaptive stream written to the media volume: its HLS master playlist, DASH manifest and renditions. */
public record StreamFiles(String hlsPath, String dashPath, List<RenditionSpec> renditions) implements Serializable {

    public StreamFiles {
        renditions = List.copyOf(renditions);
    }
}
