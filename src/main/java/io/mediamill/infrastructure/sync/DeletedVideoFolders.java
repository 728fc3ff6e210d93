package io.mediamill.infrastructure.sync;

import io.mediamill.infrastructure.storage.MediaStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Folders under {@code videos/} whose video no longer exists: a delete that reached this volume while its node
 * was away, or a push that crossed a delete. Only folders older than a cut-off go, since an upload moves its files
 * in before it records its video.
 */
final class DeletedVideoFolders {

    private static final Logger LOG = Logger.getLogger(DeletedVideoFolders.class.getName());
    /** videos/ab/cd/{id}: the id's folder is three levels down. */
    private static final int DEPTH = 3;

    private final Path tree;
    private final Predicate<String> videoExists;

    DeletedVideoFolders(Path tree, Predicate<String> videoExists) {
        this.tree = tree;
        this.videoExists = videoExists;
    }

    /** Removes the folders last changed before {@code cutOff} whose video does not exist; returns their ids. */
    List<String> removeOlderThan(Instant cutOff) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(tree)) {
            return removed;
        }
        List<Path> folders;
        try (var found = Files.find(tree, DEPTH, (path, attributes) -> attributes.isDirectory()
                && tree.relativize(path).getNameCount() == DEPTH)) {
            folders = found.toList();
        }
        for (Path folder : folders) {
            String videoId = folder.getFileName().toString();
            if (Files.getLastModifiedTime(folder).toInstant().isBefore(cutOff) && !videoExists.test(videoId)) {
                LOG.info(() -> "removing the folder of video " + videoId + ", which no longer exists");
                MediaStorage.deleteTree(folder);
                removed.add(videoId);
            }
        }
        return removed;
    }
}
