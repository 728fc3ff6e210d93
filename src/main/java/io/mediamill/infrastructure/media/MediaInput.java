package io.mediamill.infrastructure.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One input of an ffmpeg or ffprobe run, with how it may be read. Left alone, ffmpeg follows what a file
 * says: an HLS playlist, a DASH manifest or a concat list makes it open other files or URLs, so an upload
 * could pull the server's own files (or anything on the network) into someone's video. Every input therefore
 * names the demuxers it may be read with ({@code -format_whitelist}, checked right after the format is probed
 * and before the demuxer reads anything), allows only the {@code file} protocol, and once the format is known
 * forces it ({@code -f}), so a later run never probes again.
 *
 * @param format the demuxer to force, or null to let ffmpeg probe (within {@code allowedFormats})
 * @param allowedFormats demuxer names as ffmpeg lists them ({@code ffmpeg -demuxers}); a demuxer whose name is
 *                       a list, such as {@code mov,mp4,m4a,3gp,3g2,mj2}, is allowed by any one of its names
 */
public record MediaInput(Path path, String format, List<String> allowedFormats) {

    /** Local files only: no network, no pipes, no data: URLs. */
    static final String PROTOCOLS = "file";

    public MediaInput {
        Objects.requireNonNull(path, "path");
        if (allowedFormats == null || allowedFormats.isEmpty()) {
            throw new IllegalArgumentException("an input names the demuxers it may be read with");
        }
        allowedFormats = List.copyOf(allowedFormats);
    }

    /** Whether a demuxer (by any of its names) may read this input. */
    public boolean allows(String demuxer) {
        for (String name : demuxer.split(",")) {
            if (allowedFormats.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The input options, then {@code -i} and the path: what goes on the command line for this input. */
    public List<String> arguments() {
        List<String> argv = new ArrayList<>(List.of("-protocol_whitelist", PROTOCOLS,
                "-format_whitelist", String.join(",", allowedFormats)));
        if (format != null) {
            argv.addAll(List.of("-f", format));
        }
        argv.addAll(List.of("-i", path.toString()));
        return argv;
    }
}
