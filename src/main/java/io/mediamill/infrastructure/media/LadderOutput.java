package io.mediamill.infrastructure.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a ladder's folder before it is published. ffmpeg's DASH and HLS muxers do not fail when a write does:
 * on a full volume ffmpeg exits 0, silent even at warning level, leaving empty playlists and truncated segments.
 * So a run is whole only when every media playlist is finished ({@code #EXT-X-ENDLIST}) and names segments that
 * are all there and not empty, and both manifests are complete. (How much of the source the playlists cover is
 * not checked: files whose header claims more than their streams hold are common and play as they are.)
 */
public final class LadderOutput {

    private LadderOutput() {
    }

    /**
     * Throws {@link IncompleteOutputException} naming the first thing missing, with the volume's free space when
     * it is nearly gone (the usual cause).
     */
    public static void verify(Path folder, int streams) {
        String problem = firstProblem(folder, streams);
        if (problem != null) {
            throw new IncompleteOutputException("ffmpeg exited normally but its output is incomplete: " + problem
                    + freeSpaceNote(folder));
        }
    }

    private static String firstProblem(Path folder, int streams) {
        String master = complete(folder.resolve(StreamLayout.MASTER_PLAYLIST), "#EXT-X-STREAM-INF");
        if (master != null) {
            return master;
        }
        String manifest = complete(folder.resolve(StreamLayout.MANIFEST), "</MPD>");
        if (manifest != null) {
            return manifest;
        }
        for (int stream = 0; stream < streams; stream++) {
            String problem = mediaPlaylist(folder, StreamLayout.mediaPlaylist(stream));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String complete(Path file, String mustContain) {
        String text = read(file);
        if (text == null) {
            return file.getFileName() + " is missing";
        }
        return text.contains(mustContain) ? null : file.getFileName() + " is cut short";
    }

    private static String mediaPlaylist(Path folder, String name) {
        String text = read(folder.resolve(name));
        if (text == null) {
            return name + " is missing";
        }
        if (!text.contains("#EXT-X-ENDLIST")) {
            return name + " is cut short (" + text.length() + " bytes, no #EXT-X-ENDLIST)";
        }
        for (String line : text.lines().toList()) {
            String segment = null;
            if (line.startsWith("#EXT-X-MAP:")) {
                segment = line.replaceAll(".*URI=\"([^\"]+)\".*", "$1");
            } else if (!line.isBlank() && !line.startsWith("#")) {
                segment = line.strip();
            }
            if (segment != null && size(folder.resolve(segment)) <= 0) {
                return name + " names " + segment + ", which is " + (size(folder.resolve(segment)) < 0 ? "missing" : "empty");
            }
        }
        return null;
    }

    private static String freeSpaceNote(Path folder) {
        try {
            long free = Files.getFileStore(folder).getUsableSpace();
            return free < (64L << 20) ? " (the media volume has " + free + " bytes free: it is full)" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** A ladder run that ended without error and without all of its output. */
    public static final class IncompleteOutputException extends RuntimeException {
        IncompleteOutputException(String message) {
            super(message);
        }
    }
}
