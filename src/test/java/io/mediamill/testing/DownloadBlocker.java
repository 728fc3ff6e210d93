package io.mediamill.testing;

import io.mediamill.infrastructure.storage.MediaStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a video's processing fail, every attempt, until removed: a folder stands where the renditions step must
 * write the download ({@code download.mp4}), so that last item fails after the pictures and the ladder are done.
 * It is what an operator would fix on the disk before restarting the job.
 */
public final class DownloadBlocker {

    private final Path blocker;

    private DownloadBlocker(Path blocker) {
        this.blocker = blocker;
    }

    /** Blocks the video's download; call right after the upload, before processing reaches it. */
    public static DownloadBlocker block(String videoId) {
        Path dir = new MediaStorage(Path.of(System.getProperty("mediamill.it.home"), "media")).videoDir(videoId);
        try {
            return new DownloadBlocker(Files.createDirectories(dir.resolve("download.mp4").resolve("blocker")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove() {
        try {
            Files.delete(blocker);
            Files.delete(blocker.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
