package io.mediamill.infrastructure.media;

import java.nio.file.Path;

/**
 * File names inside a stream folder, as ffmpeg's DASH muxer writes them: one CMAF segment set, the MPD, the
 * HLS master playlist and one media playlist per output stream, numbered in mapping order (video rungs
 * first, then audio).
 */
public final class StreamLayout {

    public static final String MANIFEST = "manifest.mpd";
    public static final String MASTER_PLAYLIST = "master.m3u8";
    static final String INIT_SEGMENT = "init-$RepresentationID$.m4s";
    static final String MEDIA_SEGMENT = "seg-$RepresentationID$-$Number%05d$.m4s";

    private StreamLayout() {
    }

    public static String mediaPlaylist(int streamIndex) {
        return "media_" + streamIndex + ".m3u8";
    }

    /** Whether a file in the stream folder belongs to output stream {@code streamIndex}. */
    public static boolean belongsTo(Path file, int streamIndex) {
        String name = file.getFileName().toString();
        return name.equals("init-" + streamIndex + ".m4s") || name.startsWith("seg-" + streamIndex + "-");
    }
}
