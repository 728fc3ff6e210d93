package io.mediamill.infrastructure.storage;

import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Keeps the media volume's reserve ({@link MediamillConfig#minimumFreeDiskBytes()}) free of uploads: an upload
 * whose size is known before its bytes arrive is refused when it would not fit above the reserve, instead of
 * filling the disk halfway and failing for everyone.
 */
@ApplicationScoped
public class DiskReserve {

    private LongSupplier usableBytes;
    private long reserve;

    protected DiskReserve() {
        // for CDI proxies
    }

    @Inject
    public DiskReserve(MediamillConfig config) {
        this(() -> usableBytes(config.mediaDir()), config.minimumFreeDiskBytes());
    }

    /** With the free space measured by {@code usableBytes}: a test stands in for a full disk this way. */
    public DiskReserve(LongSupplier usableBytes, long reserve) {
        this.usableBytes = usableBytes;
        this.reserve = reserve;
    }

    /**
     * @param what names the upload for the message, e.g. {@code "Upload-Length 123"}
     * @throws InsufficientStorageException when {@code bytes} more would leave less than the reserve free
     */
    public void requireRoomFor(long bytes, String what) {
        long room = usableBytes.getAsLong() - reserve;
        if (bytes > room) {
            throw new InsufficientStorageException(what + " does not fit on the media volume: it has room for "
                    + Math.max(room, 0) + " more bytes (beyond the " + reserve + " it keeps free). Try again later.");
        }
    }

    private static long usableBytes(Path mediaDir) {
        try {
            Files.createDirectories(mediaDir);
            return Files.getFileStore(mediaDir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure the free space of " + mediaDir, e);
        }
    }
}
