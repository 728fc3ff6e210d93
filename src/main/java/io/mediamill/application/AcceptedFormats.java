package io.mediamill.application;

import io.mediamill.infrastructure.media.MediaInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The containers an upload may be in, as the ffmpeg demuxers allowed to read it: the one list every ffprobe
 * and ffmpeg run over an uploaded file names, so that nothing but the uploaded bytes is ever read. Formats
 * that read other files or URLs (HLS and DASH manifests, concat lists, image sequences, SDP) are not on it,
 * nor are still images; {@link #refusal} says in words what such a file is.
 */
public final class AcceptedFormats {

    /**
     * Names as {@code ffmpeg -demuxers} lists them; a demuxer is allowed by any of its names. Covers MP4, MOV,
     * M4A, 3GP ({@code mov}), MKV and WebM ({@code matroska}), AVI, MPEG-TS, MPEG-PS ({@code mpeg}), FLV,
     * ASF/WMV ({@code asf}), MP3, raw ADTS AAC, WAV, Ogg (Vorbis, Opus) and FLAC.
     */
    public static final List<String> DEMUXERS = List.of("mov", "matroska", "avi", "mpegts", "mpeg", "flv", "asf",
            "mp3", "aac", "wav", "ogg", "flac");

    /** What the list above means to an uploader. */
    static final String DESCRIPTION = "MP4, MOV, MKV, WebM, AVI, MPEG-TS, MPEG-PS, FLV, 3GP, WMV, MP3, M4A, AAC, WAV, "
            + "Ogg, Opus or FLAC";

    /** The watermark is a PNG (checked by its signature at upload) and is read as nothing else. */
    static final String WATERMARK_DEMUXER = "png_pipe";

    /** Demuxers that read the files or streams a text names, and what such a text is. */
    private static final Map<String, String> REFERRING = Map.of(
            "hls", "an HLS playlist, which refers to other files",
            "dash", "a DASH manifest, which refers to other files",
            "webm_dash_manifest", "a WebM DASH manifest, which refers to other files",
            "concat", "a concat list, which refers to other files",
            "imf", "an IMF composition playlist, which refers to other files",
            "sdp", "an SDP session description, which refers to network streams");

    private AcceptedFormats() {
    }

    /** An upload not probed yet: ffprobe finds its format among the accepted ones. */
    public static MediaInput upload(Path file) {
        return new MediaInput(file, null, DEMUXERS);
    }

    /**
     * A probed source: read with the demuxer the probe found, so no later run probes (or is fooled) again.
     * {@code container} is ffprobe's {@code format_name}, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}; {@code -f} takes
     * any one of those names, the first will do.
     */
    public static MediaInput source(Path file, String container) {
        String demuxer = container == null || container.isBlank() ? null : container.split(",")[0].strip();
        return new MediaInput(file, demuxer, DEMUXERS);
    }

    static MediaInput watermark(Path image) {
        return new MediaInput(image, WATERMARK_DEMUXER, List.of(WATERMARK_DEMUXER));
    }

    /** Why a file in this (refused) format cannot be taken, as the end of a sentence starting with its name. */
    static String refusal(String demuxer) {
        String referring = REFERRING.get(demuxer);
        if (referring != null) {
            return "is " + referring + "; upload the media itself";
        }
        if (demuxer.equals("gif")) {
            return "is an image (GIF), not a video; animated GIFs are not taken either";
        }
        if (demuxer.endsWith("_pipe") || demuxer.equals("image2") || demuxer.equals("image2pipe")
                || demuxer.equals("apng")) {
            return "is a still image" + imageKind(demuxer) + ", not a video";
        }
        return "is in a format the service does not take (" + demuxer + "); it takes " + DESCRIPTION;
    }

    /** " (PNG)" for {@code png_pipe} and {@code apng}; nothing for an image demuxer that names no kind. */
    private static String imageKind(String demuxer) {
        if (demuxer.equals("apng")) {
            return " (PNG)";
        }
        if (!demuxer.endsWith("_pipe")) {
            return "";
        }
        String kind = demuxer.substring(0, demuxer.length() - "_pipe".length());
        return " (" + (kind.equals("webp") ? "WebP" : kind.toUpperCase(Locale.ROOT)) + ")";
    }
}
