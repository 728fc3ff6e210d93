package io.mediamill.infrastructure.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises, from its first bytes, a text file that only points at other media: an HLS playlist, a DASH
 * manifest, a concat list or an SDP session description. Such a file is refused without starting ffprobe,
 * and named for what it is even where ffprobe would not recognise it (a concat list without its
 * {@code ffconcat} header). It answers with the name of the ffmpeg demuxer that would read the file.
 */
final class ManifestSniffer {

    private static final int HEAD_BYTES = 4096;

    private static final String BOM = "\uFEFF";
    private static final Pattern CONCAT_LINE = Pattern.compile("(ffconcat\\s+version|file)\\s+\\S.*");

    private ManifestSniffer() {
    }

    /** The demuxer that reads this kind of file ({@code hls}, {@code dash}, {@code concat}, {@code sdp}), if it is one. */
    static Optional<String> sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sniff(head);
    }

    static Optional<String> sniff(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return Optional.empty(); // binary: media, not a text that points at media
            }
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith(BOM)) {
            text = text.substring(1);
        }
        text = text.stripLeading();
        if (text.startsWith("#EXTM3U")) {
            return Optional.of("hls");
        }
        if (text.startsWith("<") && text.contains("<MPD")) {
            return Optional.of("dash");
        }
        String first = firstStatement(text);
        if (first.equals("v=0")) {
            return Optional.of("sdp");
        }
        if (CONCAT_LINE.matcher(first).matches()) {
            return Optional.of("concat");
        }
        return Optional.empty();
    }

    /** The first line that is neither blank nor a comment, without its surrounding blanks. */
    private static String firstStatement(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst().orElse("");
    }
}
