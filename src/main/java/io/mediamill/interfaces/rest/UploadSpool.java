package io.mediamill.interfaces.rest;

import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one request spooled its uploads into. Whatever the request did not take over (moved into a
 * video's folder) is deleted when the request ends, however it ended.
 */
@RequestScoped
public class UploadSpool {

    @Inject
    MediaStorage storage;

    private final List<Path> files = new ArrayList<>();

    Path newFile() {
        Path file = storage.newIncomingFile();
        files.add(file);
        return file;
    }

    @PreDestroy
    void deleteLeftovers() {
        files.forEach(storage::deleteQuietly);
    }
}
