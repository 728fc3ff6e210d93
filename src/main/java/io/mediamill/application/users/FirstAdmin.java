package io.mediamill.application.users;

import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure a fresh installation can be signed into: on the first start, user {@code admin} (both roles) gets
 * {@code MEDIAMILL_ADMIN_PASSWORD}, or a generated password that is logged once and written to
 * {@code MEDIAMILL_HOME/admin-password}, readable by its owner only.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
// Bean-managed and never beginning one: no container transaction around the work, whose repositories demarcate
// their own (a container-managed EJB calling @Transactional beans can leave Payara's request threads unable to
// use UserTransaction, which its batch runtime needs).
@TransactionManagement(TransactionManagementType.BEAN)
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    public static final String PASSWORD_FILE = "admin-password";

    @Inject
    UserService users;

    @Inject
    MediamillConfig config;

    @PostConstruct
    void ensureAdmin() {
        Optional<String> generated;
        try {
            generated = users.createFirstAdmin(config.adminPassword());
        } catch (RuntimeException e) {
            // Another node sharing the database created it at the same moment.
            LOG.log(Level.INFO, "the first admin was not created here: " + e.getMessage());
            return;
        }
        generated.ifPresent(this::announce);
    }

    private void announce(String password) {
        Path file = config.home().resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator());
            LOG.warning(() -> "First start: sign in as user \"admin\" with password " + password
                    + " (also in " + file + "); change it, or set MEDIAMILL_ADMIN_PASSWORD before the first start.");
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warning(() -> "First start: sign in as user \"admin\" with password " + password
                    + " (could not write " + file + ": " + e.getMessage() + ")");
        }
    }
}
