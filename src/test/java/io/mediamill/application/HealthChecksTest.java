package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.MediaProber;
import io.mediamill.infrastructure.media.Transcoder;
import io.mediamill.infrastructure.storage.MediaStorage;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every check reports down, with a reason, when its part is missing (no container: nothing here is up). */
class HealthChecksTest {

    @TempDir
    Path media;

    @AfterEach
    void clearProperties() {
        System.clearProperty("mediamill.ffmpeg");
        System.clearProperty("mediamill.ffprobe");
        System.clearProperty("mediamill.media.dir");
        System.clearProperty("mediamill.disk.min-free-bytes");
    }

    @Test
    void eachMissingPartIsReportedDownWithItsReason() {
        System.setProperty("mediamill.ffmpeg", "/nonexistent/ffmpeg");
        System.setProperty("mediamill.ffprobe", "/nonexistent/ffprobe");
        System.setProperty("mediamill.media.dir", media.toString());
        System.setProperty("mediamill.disk.min-free-bytes", String.valueOf(Long.MAX_VALUE));
        MediamillConfig config = new MediamillConfig();
        CommonsExecProcessRunner runner = new CommonsExecProcessRunner();

        HealthChecks health = new HealthChecks();
        health.dataSource = unreachableDatabase();
        health.transcoder = new Transcoder(runner, config);
        health.prober = new MediaProber(runner, config);
        health.storage = new MediaStorage(config);
        health.config = config;
        health.jobs = new BatchJobs();

        Map<String, HealthChecks.Check> checks = health.run();

        assertFalse(checks.get("database").up());
        assertTrue(checks.get("database").detail().contains("connection refused"), checks.toString());
        assertFalse(checks.get("ffmpeg").up());
        assertTrue(checks.get("ffmpeg").detail().contains("/nonexistent/ffmpeg"), checks.toString());
        assertFalse(checks.get("disk").up());
        assertTrue(checks.get("disk").detail().contains("below the minimum"), checks.toString());
        assertFalse(checks.get("batch").up(), "no batch runtime outside a server");
    }

    private static DataSource unreachableDatabase() {
        return failingDatabase(new SQLException("connection refused"));
    }

    private static DataSource failingDatabase(SQLException failure) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    throw failure;
                });
    }

    @Test
    void aStoppedDatabaseIsNamedWithItsReasonInWordsAnyoneMayReadAndTheDriversForOperators() {
        System.setProperty("mediamill.media.dir", media.toString());
        MediamillConfig config = new MediamillConfig();
        HealthChecks health = new HealthChecks();
        health.dataSource = failingDatabase(new SQLNonTransientConnectionException(
                "Socket fail to connect to 127.0.0.1:3307. Connection refused", "08000", new ConnectException("Connection refused")));
        health.transcoder = new Transcoder(new CommonsExecProcessRunner(), config);
        health.prober = new MediaProber(new CommonsExecProcessRunner(), config);
        health.storage = new MediaStorage(config);
        health.config = config;
        health.jobs = new BatchJobs();

        HealthChecks.Check database = health.run().get("database");

        assertFalse(database.up());
        assertEquals("the database cannot be reached: connection refused", database.summary());
        assertEquals("cannot be reached (connection refused): Socket fail to connect to 127.0.0.1:3307. Connection refused",
                database.detail());
    }

    @Test
    void namesMariaDbEvenWhenItsDriverReportsMySql() {
        assertEquals("MariaDB 10.11.19-MariaDB-0+deb12u1", HealthChecks.product("MySQL", "10.11.19-MariaDB-0+deb12u1"));
        assertEquals("MariaDB 10.11.19-MariaDB-0+deb12u1", HealthChecks.product("MariaDB", "10.11.19-MariaDB-0+deb12u1"));
        assertEquals("H2 2.2.224 (2023-09-17)", HealthChecks.product("H2", "2.2.224 (2023-09-17)"));
    }
}
