package io.mediamill.interfaces.rest;

import jakarta.ws.rs.core.EntityPart;
import java.util.List;

/**
 * The parts of a video upload ({@link UploadForm#VIDEO}). A type of its own rather than {@code List<EntityPart>}:
 * both servers bring a reader for that list (Jersey's jersey-media-multipart prefers it over an application's), and
 * only ours streams the file to the media volume without a temporary copy, so the upload resource asks for this
 * type, which only our reader produces.
 */
public record MultipartUpload(List<EntityPart> parts) implements MultipartForm {

    public MultipartUpload {
        parts = List.copyOf(parts);
    }
}
