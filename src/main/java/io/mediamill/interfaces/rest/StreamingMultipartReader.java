package io.mediamill.interfaces.rest;

import io.mediamill.application.InvalidUploadException;
import io.mediamill.application.WatermarkImage;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.storage.ContentHash;
import io.mediamill.infrastructure.storage.DiskReserve;
import io.mediamill.infrastructure.storage.HashingFileWriter;
import io.mediamill.infrastructure.storage.IncomingFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.Event;
import org.apache.james.mime4j.stream.MimeParseEventException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * Reads {@code multipart/form-data} into {@link EntityPart}s in one streaming pass: file parts are written
 * straight to the media volume (see {@link UploadSpool}) and hashed on the way, small form fields are kept in memory up to a
 * limit. Replaces the runtimes' own readers, which first copy each part into temporary files. Only the parts
 * of the target's {@link UploadForm} are taken, each within its bound: reading stops at the first part that breaks a
 * rule.
 */
@Provider
@ApplicationScoped
@Consumes(MediaType.MULTIPART_FORM_DATA)
public class StreamingMultipartReader implements MessageBodyReader<MultipartForm> {

    /** How much of a refused upload is still read (and dropped) so that its client can take the answer. */
    static final long DRAIN_LIMIT = 64L << 20;
    /** An image of a slideshow: a 100-megapixel photo as a high-quality JPEG or PNG fits. */
    static final long MAX_IMAGE_BYTES = 100L << 20;

    @Inject
    UploadSpool spool;

    @Inject
    MediamillConfig config;

    @Inject
    HashingFileWriter writer;

    @Inject
    DiskReserve diskReserve;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MultipartUpload.class || type == CompositionUpload.class;
    }

    @Override
    public MultipartForm readFrom(Class<MultipartForm> type, Type genericType, Annotation[] annotations,
                                  MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
                                  InputStream entityStream) throws IOException {
        try {
            if (CompositionUpload.class.equals(type)) {
                return new CompositionUpload(read(UploadForm.COMPOSITION, mediaType, httpHeaders, entityStream));
            }
            return new MultipartUpload(read(UploadForm.VIDEO, mediaType, httpHeaders, entityStream));
        } catch (RuntimeException refused) {
            drainQuietly(entityStream);
            throw refused;
        }
    }

    private List<EntityPart> read(UploadForm spec, MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
                                  InputStream entityStream) throws IOException {
        String contentLength = httpHeaders.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && contentLength.strip().matches("\\d{1,18}")) {
            diskReserve.requireRoomFor(Long.parseLong(contentLength.strip()), "The upload of " + contentLength.strip() + " bytes");
        }
        MimeTokenStream parser = new MimeTokenStream(MimeConfig.custom()
                .setMaxLineLen(-1)
                .setMaxHeaderLen(16 * 1024)
                .setMaxHeaderCount(100)
                .setMaxContentLen(-1)
                .build(), new CutShortForms(), null);
        parser.parseHeadless(entityStream, mediaType.toString());
        List<EntityPart> parts = new ArrayList<>();
        UploadForm.Parts form = spec.parts();
        PartHeaders headers = null;
        try {
            for (EntityState state = parser.getState(); state != EntityState.T_END_OF_STREAM; state = parser.next()) {
                switch (state) {
                    case T_START_BODYPART -> {
                        form.start();
                        headers = new PartHeaders();
                    }
                    case T_FIELD -> {
                        if (headers != null) {
                            headers.add(parser.getField());
                        }
                    }
                    case T_BODY -> {
                        if (headers != null) {
                            parts.add(part(form.named(headers.name), headers, parser.getDecodedInputStream()));
                        }
                    }
                    default -> { }
                }
            }
        } catch (MimeParseEventException e) {
            throw new BadRequestException("The form ends before its closing boundary: the request was cut short, "
                    + "so nothing of it was kept.", e);
        } catch (MimeException e) {
            throw new BadRequestException("The multipart body is malformed: " + e.getMessage(), e);
        }
        return parts;
    }

    /**
     * Reads and drops what is still coming of a refused upload, up to {@link #DRAIN_LIMIT}. Over HTTP/2 a body the
     * server stops reading stalls its client, whose flow-control window never reopens, and the refusal would
     * reach it as a reset half a minute later (Payara, where Java's HttpClient talks cleartext HTTP/2); over
     * HTTP/1.1 the client gets its answer without a broken pipe. Beyond the limit the connection is left to end.
     */
    private static void drainQuietly(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (long drained = 0; drained < DRAIN_LIMIT; ) {
                int read = body.read(buffer);
                if (read < 0) {
                    return;
                }
                drained += read;
            }
        } catch (IOException e) {
            // The client gave up first: nothing left to answer.
        }
    }

    /** Reads one part as its kind says: what the client declares (a file name or none) does not decide it. */
    private EntityPart part(UploadForm.Kind kind, PartHeaders headers, InputStream body) throws IOException {
        EntityPart.Builder builder = EntityPart.withName(headers.name);
        if (headers.contentType != null) {
            builder.mediaType(headers.contentType);
        }
        if (headers.fileName != null) {
            builder.fileName(headers.fileName);
        }
        if (kind == UploadForm.Kind.TEXT) {
            byte[] value = body.readNBytes(UploadForm.MAX_TEXT_BYTES + 1);
            if (value.length > UploadForm.MAX_TEXT_BYTES) {
                throw UploadForm.textTooLarge(headers.name);
            }
            return builder.content(new ByteArrayInputStream(value)).build();
        }
        boolean watermark = headers.name.equals(UploadForm.WATERMARK);
        Path file = spool.newFile();
        MessageDigest digest = ContentHash.newDigest();
        long limit = watermark ? WatermarkImage.MAX_BYTES
                : headers.name.equals(UploadForm.IMAGE) ? Math.min(MAX_IMAGE_BYTES, config.maxUploadBytes())
                : config.maxUploadBytes();
        HashingFileWriter.Outcome outcome = writer.write(body, file, 0, limit, List.of(digest));
        if (outcome.cut()) {
            throw outcome.connectionLost();
        }
        // Refused as soon as it grows past the limit, rather than after the whole of it is on disk.
        if (outcome.overLimit()) {
            throw watermark ? WatermarkImage.tooLarge() : new InvalidUploadException(413, "The file "
                    + (headers.fileName == null ? "" : "\"" + headers.fileName + "\" ") + "is larger than the limit of "
                    + limit + " bytes.");
        }
        return builder.content(new IncomingFile(file, ContentHash.hex(digest))).build();
    }

    /**
     * Lenient with the small liberties clients take in headers, strict about the end: a form whose closing
     * boundary never comes was cut short, and its last file would be kept cut short too.
     */
    private static final class CutShortForms extends DecodeMonitor {

        @Override
        public boolean warn(String message, String action) {
            return message.contains(Event.MIME_BODY_PREMATURE_END.toString());
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }

    /** The Content-Disposition name and file name and the Content-Type of one part. */
    private static final class PartHeaders {
        private String name;
        private String fileName;
        private String contentType;

        void add(Field field) throws MimeException {
            if (field.getName().equalsIgnoreCase("Content-Type")) {
                contentType = field.getBody().strip();
            } else if (field.getName().equalsIgnoreCase("Content-Disposition")) {
                // Quoted parameters with escapes need the MIME parser; browsers send non-ASCII names as UTF-8.
                RawBody disposition = RawFieldParser.DEFAULT.parseRawBody(RawFieldParser.DEFAULT.parseField(field.getRaw()));
                for (NameValuePair parameter : disposition.getParams()) {
                    if (parameter.getName().equalsIgnoreCase("name")) {
                        name = parameter.getValue();
                    } else if (parameter.getName().equalsIgnoreCase("filename")) {
                        fileName = parameter.getValue();
                    }
                }
            }
        }
    }
}
