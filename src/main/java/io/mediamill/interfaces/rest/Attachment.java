package io.mediamill.interfaces.rest;

import io.mediamill.interfaces.web.ByteRange;
import io.mediamill.interfaces.web.FileVersion;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A file handed out as a download, whatever it holds: {@code Content-Disposition: attachment} with its name
 * as an ASCII fallback and in UTF-8 (RFC 6266, RFC 8187), {@code application/octet-stream} and nosniff, so no
 * browser renders it. Streamed from disk (files may be gigabytes), with byte ranges for resumed downloads.
 */
final class Attachment {

    private static final String FALLBACK_NAME = "original";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Attachment() {
    }

    static Response of(Path file, String fileName, String rangeHeader, String ifRange, String instance) {
        FileVersion version = FileVersion.of(file);
        long length = version.length();
        ByteRange.Parsed range = version.satisfiesIfRange(ifRange)
                ? ByteRange.parse(rangeHeader, length)
                : new ByteRange.Ignored();
        if (range instanceof ByteRange.Unsatisfiable) {
            return Response.fromResponse(ProblemDetail.response(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "The range lies beyond the end of the file (" + length + " bytes).", instance))
                    .header("Content-Range", "bytes */" + length)
                    .build();
        }
        ByteRange slice = range instanceof ByteRange.Satisfiable satisfiable ? satisfiable.range() : ByteRange.whole(length);
        StreamingOutput body = out -> slice.copy(file, out);
        Response.ResponseBuilder answer = Response.status(range instanceof ByteRange.Satisfiable
                        ? Response.Status.PARTIAL_CONTENT : Response.Status.OK)
                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", contentDisposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CONTENT_LENGTH, Math.max(0, slice.length()))
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, version.etag())
                .header(HttpHeaders.LAST_MODIFIED, version.lastModifiedHeader())
                .header(HttpHeaders.CACHE_CONTROL, "private");
        if (range instanceof ByteRange.Satisfiable) {
            answer.header("Content-Range", slice.contentRange(length));
        }
        return answer.entity(length > 0 ? body : new byte[0]).build();
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>}: old clients
     * read the fallback (every character outside printable ASCII, and quote, backslash and percent, become
     * {@code _}), current ones the exact name.
     */
    static String contentDisposition(String fileName) {
        String name = fileName == null || fileName.isBlank() ? FALLBACK_NAME : fileName;
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(
                c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** RFC 8187 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. */
    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }
}
