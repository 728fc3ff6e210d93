package io.mediamill.infrastructure.storage;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * The media volume has no room for what is being stored: refused before a byte is written where the size is
 * known beforehand, or because the file system ran out of space (ENOSPC) while it was being written.
 */
public class InsufficientStorageException extends RuntimeException {

    public InsufficientStorageException(String message) {
        super(message);
    }

    public InsufficientStorageException(String message, IOException cause) {
        super(message, cause);
    }

    /**
     * Whether a failed write means the volume is full. Java reports ENOSPC (and EDQUOT) only through the
     * operating system's message, so the message is what there is to go by.
     */
    public static boolean isOutOfSpace(IOException failure) {
        String reason = failure instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : failure.getMessage();
        if (reason == null) {
            return false;
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("disk quota exceeded")
                || lower.contains("not enough space on the disk");
    }
}
