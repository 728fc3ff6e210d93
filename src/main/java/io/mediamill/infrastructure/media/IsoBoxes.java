package io.mediamill.infrastructure.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * The top-level boxes of an ISO base media file (MP4, MOV, M4A, 3GP), walked by their sizes alone. A file cut
 * short (an upload that stopped, a copy that failed) still probes well when its index comes first, and fails
 * only when a step reaches the missing part; its last box declaring more bytes than the file holds says so at once.
 */
public final class IsoBoxes {

    /** What an ISO file starts with: {@code ftyp}, or in old QuickTime files one of the others. */
    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot");

    private IsoBoxes() {
    }

    /** Why the file is cut short, as the end of a sentence starting with its name; empty when every box fits. */
    public static Optional<String> cutShort(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            ByteBuffer header = ByteBuffer.allocate(16);
            long position = 0;
            while (position + 8 <= length) {
                header.clear().limit(16);
                channel.read(header, position);
                header.flip();
                if (header.remaining() < 8) {
                    return Optional.empty();
                }
                long size = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                if (size == 1) {
                    if (header.remaining() < 16) {
                        return Optional.empty();
                    }
                    size = header.getLong(8);
                } else if (size == 0) {
                    return Optional.empty(); // the last box, running to the end of the file, whatever it is
                }
                if (size < 8 || position == 0 && !FIRST_BOXES.contains(type)) {
                    return Optional.empty(); // not boxes after all: ffprobe's verdict stands
                }
                if (size > length - position) {
                    return Optional.of("ends early: its '" + printable(type) + "' box needs " + (position + size)
                            + " bytes, the file has " + length + "; upload the whole file");
                }
                position += size;
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printable(String type) {
        return type.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f) ? type : "?";
    }
}
