package io.mediamill.interfaces.rest;

import jakarta.ws.rs.core.EntityPart;
import java.util.List;

/** The parts of a slideshow composition ({@link UploadForm#COMPOSITION}), read as {@link MultipartUpload} is. */
public record CompositionUpload(List<EntityPart> parts) implements MultipartForm {

    public CompositionUpload {
        parts = List.copyOf(parts);
    }
}
