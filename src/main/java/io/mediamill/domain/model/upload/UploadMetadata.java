package io.mediamill.domain.model.upload;

import io.mediamill.domain.model.video.Visibility;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tus {@code Upload-Metadata} header: comma-separated pairs of a key and a Base64 value (the value may
 * be absent). The service reads {@code filename}, {@code filetype}, {@code title} and {@code visibility}
 * ({@code private} or {@code unlisted}: anything else is refused when the upload is created).
 */
public record UploadMetadata(String header, Map<String, String> values) {

    private static final int MAX_HEADER_LENGTH = 4000;

    public static UploadMetadata parse(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return new UploadMetadata(null, values);
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("Upload-Metadata is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", 2);
            if (parts[0].isEmpty()) {
                throw new IllegalArgumentException("Upload-Metadata has an empty key");
            }
            try {
                String value = parts.length > 1
                        ? new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8)
                        : "";
                values.put(parts[0], value);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("Upload-Metadata value of \"" + parts[0] + "\" is not Base64");
            }
        }
        UploadMetadata metadata = new UploadMetadata(header, values);
        metadata.visibility(); // an unknown visibility is refused at creation, not once every byte has arrived
        return metadata;
    }

    public String fileName() {
        return values.get("filename");
    }

    public String fileType() {
        return values.get("filetype");
    }

    public String title() {
        return values.get("title");
    }

    /** The video's visibility; {@code private} unless the client asked for another. */
    public Visibility visibility() {
        return Visibility.parse(values.get("visibility"));
    }
}
