package io.mediamill.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The configuration the launcher wrote for the test server holds no database secret: the URL, user and password
 * are expressions the server resolves from its environment when it starts. The WildFly run uses a database user
 * without a password (which used to break WildFly's configuration), the Payara run one with a password.
 */
class ServerConfigurationIT {

    private static final Path HOME = Path.of(System.getProperty("mediamill.it.home"));
    private static final String SERVER = System.getProperty("mediamill.it.server");
    private static final String DB_URL = System.getProperty("mediamill.it.dbUrl");
    private static final String DB_PASSWORD = System.getProperty("mediamill.it.dbPassword", "");

    @Test
    void databaseSettingsAreReadFromTheEnvironmentAtStart() throws IOException {
        String configuration = Files.readString(configurationFile());

        assertFalse(configuration.contains(DB_URL), "the database URL is not written into " + configurationFile());
        if (SERVER.equals("payara")) {
            assertTrue(configuration.contains("${ENV=MEDIAMILL_DB_URL}"), configuration);
            assertTrue(configuration.contains("${ENV=MEDIAMILL_DB_PASSWORD}"), configuration);
        } else {
            assertTrue(configuration.contains("${env.MEDIAMILL_DB_URL}"), configuration);
            assertTrue(configuration.contains("${env.MEDIAMILL_DB_USER}"), configuration);
        }
        if (DB_PASSWORD.isEmpty()) {
            // An empty password is no password at all: the server started with it, or no test would run.
            assertFalse(configuration.contains("credential-reference"), configuration);
        } else {
            assertFalse(configuration.contains(DB_PASSWORD), "the password is not written into " + configurationFile());
        }
    }

    private static Path configurationFile() {
        return SERVER.equals("payara")
                ? HOME.resolve("server/config/domain.xml")
                : HOME.resolve("server/configuration/standalone.xml");
    }
}
