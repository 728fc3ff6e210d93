package io.mediamill.interfaces.rest;

import jakarta.ws.rs.core.EntityPart;
import java.util.List;
import java.util.Optional;

/**
 * The parts of one multipart/form-data upload as {@link StreamingMultipartReader} received them. A type of its
 * own rather than {@code List<EntityPart>}: both servers bring a reader for that list (Jersey's
 * jersey-media-multipart prefers it over an application's), and only ours streams the file to the media volume
 * without a temporary copy, so the upload resource asks for this type, which only our reader produces.
 */
public record MultipartUpload(List<EntityPart> parts) {

    public MultipartUpload {
        parts = List.copyOf(parts);
    }

    /** The first part of that name. */
    public Optional<EntityPart> part(String name) {
        return parts.stream().filter(p -> p.getName().equals(name)).findFirst();
    }
}
