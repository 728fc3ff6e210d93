package io.mediamill.interfaces.rest;

import jakarta.ws.rs.core.EntityPart;
import java.util.List;
import java.util.Optional;

/**
 * A multipart/form-data body as {@link StreamingMultipartReader} received it; which type the resource asks for says
 * which {@link UploadForm} it is read by.
 */
public sealed interface MultipartForm permits MultipartUpload, CompositionUpload {

    List<EntityPart> parts();

    /** The first part of that name. */
    default Optional<EntityPart> part(String name) {
        return parts().stream().filter(p -> p.getName().equals(name)).findFirst();
    }

    /** Every part of that name, in the order sent. */
    default List<EntityPart> all(String name) {
        return parts().stream().filter(p -> p.getName().equals(name)).toList();
    }
}
