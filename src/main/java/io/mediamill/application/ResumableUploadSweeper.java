package io.mediamill.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Every minute, removes resumable uploads past their expiry (and the bytes of unfinished ones). */
@Singleton
// No container transaction around the sweep: the repositories it calls demarcate their own (see FirstAdmin).
@TransactionManagement(TransactionManagementType.BEAN)
public class ResumableUploadSweeper {

    private static final Logger LOG = Logger.getLogger(ResumableUploadSweeper.class.getName());

    @Inject
    ResumableUploads uploads;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        int expired = uploads.expire();
        if (expired > 0) {
            LOG.info(() -> expired + " expired uploads removed");
        }
    }
}
