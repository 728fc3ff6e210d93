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
        String datasource = datasource(configuration);

        assertFalse(configuration.contains(DB_URL), "the database URL is not written into " + configurationFile());
        if (SERVER.equals("payara")) {
            assertTrue(datasource.contains("${ENV=MEDIAMILL_DB_URL}"), datasource);
            assertTrue(datasource.contains("${ENV=MEDIAMILL_DB_USER}"), datasource);
            assertTrue(datasource.contains("${ENV=MEDIAMILL_DB_PASSWORD}"), datasource);
        } else {
            assertTrue(datasource.contains("${env.MEDIAMILL_DB_URL}"), datasource);
            assertTrue(datasource.contains("${env.MEDIAMILL_DB_USER}"), datasource);
        }
        if (DB_PASSWORD.isEmpty()) {
            // An empty password is no password at all; the server started with it, or no other test would pass.
            assertFalse(datasource.contains("credential-reference") || datasource.contains("password=\""), datasource);
        } else {
            assertFalse(configuration.contains(DB_PASSWORD), "the password is not written into " + configurationFile());
        }
    }

    private static Path configurationFile() {
        return SERVER.equals("payara")
                ? HOME.resolve("server/config/domain.xml")
                : HOME.resolve("server/configuration/standalone.xml");
    }

    /** The application's datasource (WildFly) or connection pool (Payara) element. */
    private static String datasource(String configuration) {
        String start = SERVER.equals("payara") ? " name=\"MediamillPool\"" : "pool-name=\"MediamillDS\"";
        String end = SERVER.equals("payara") ? "</jdbc-connection-pool>" : "</datasource>";
        int from = configuration.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + configurationFile());
        return configuration.substring(from, configuration.indexOf(end, from));
    }
}
