package io.mediamill.interfaces.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single byte range of an HTTP {@code Range} header (RFC 9110 §14.1.2), resolved against a file length:
 * {@code bytes=0-99}, {@code bytes=100-} or the suffix form {@code bytes=-100}.
 */
public record ByteRange(long start, long end) {

    private static final int BUFFER = 64 * 1024;
    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** The outcome of reading a Range header. */
    public sealed interface Parsed permits Satisfiable, Unsatisfiable, Ignored {
    }

    /** Serve this range with 206. */
    public record Satisfiable(ByteRange range) implements Parsed {
    }

    /** Answer 416: the range lies beyond the end of the file. */
    public record Unsatisfiable() implements Parsed {
    }

    /** Serve the whole file with 200: no header, several ranges, or a header we do not understand. */
    public record Ignored() implements Parsed {
    }

    public long length() {
        return end - start + 1;
    }

    public String contentRange(long fileLength) {
        return "bytes " + start + "-" + end + "/" + fileLength;
    }

    /** Every byte of a file of this length: what a request without a usable Range gets. */
    public static ByteRange whole(long fileLength) {
        return new ByteRange(0, fileLength - 1);
    }

    /** Writes these bytes of {@code file} to {@code out} through a small buffer: files may be gigabytes. */
    public void copy(Path file, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long position = start;
            long remaining = length();
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(BUFFER, remaining));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                out.write(buffer.array(), 0, read);
                position += read;
                remaining -= read;
            }
        }
    }

    public static Parsed parse(String header, long fileLength) {
        if (header == null) {
            return new Ignored();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Ignored();
        }
        Optional<Long> first = number(m.group(1));
        Optional<Long> last = number(m.group(2));
        if (first.isEmpty() && m.group(1).length() > 0 || last.isEmpty() && m.group(2).length() > 0) {
            return new Ignored();
        }
        if (first.isEmpty()) {
            long suffix = last.get();
            if (suffix == 0 || fileLength == 0) {
                return new Unsatisfiable();
            }
            return new Satisfiable(new ByteRange(Math.max(0, fileLength - suffix), fileLength - 1));
        }
        long start = first.get();
        if (last.isPresent() && last.get() < start) {
            return new Ignored();
        }
        if (start >= fileLength) {
            return new Unsatisfiable();
        }
        long end = last.map(l -> Math.min(l, fileLength - 1)).orElse(fileLength - 1);
        return new Satisfiable(new ByteRange(start, end));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }
}
