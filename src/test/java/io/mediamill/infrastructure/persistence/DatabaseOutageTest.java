package io.mediamill.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

/** Outages are recognised however the servers wrap the driver's exception; the application's own failures are not. */
class DatabaseOutageTest {

    private static SQLNonTransientConnectionException refused() {
        return new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3308. Connection refused",
                "08000", 0, new ConnectException("Connection refused"));
    }

    /** WildFly: EclipseLink over IronJacamar's pool, as seen in its log with MariaDB stopped. */
    private static RuntimeException asOnWildFly(SQLException driver) {
        ResourceException create = new ResourceException("IJ031084: Unable to create connection", driver);
        ResourceException managed = new ResourceException("IJ000453: Unable to get managed connection for "
                + "java:jboss/datasources/MediamillDS", create);
        SQLException pool = new SQLException(managed.toString(), managed);
        return new PersistenceException(DatabaseException.sqlException(pool));
    }

    @Test
    void aRefusedConnectionBehindJpaAndThePoolIsAnOutage() {
        SQLNonTransientConnectionException driver = refused();

        Optional<DatabaseOutage> outage = DatabaseOutage.in(asOnWildFly(driver));

        assertTrue(outage.isPresent());
        assertSame(driver, outage.get().evidence());
        assertEquals("connection refused", outage.get().cause());
        assertEquals("Socket fail to connect to 127.0.0.1:3308. Connection refused", outage.get().detail());
    }

    /** Payara: its pool keeps the driver's words but not its exception. */
    @Test
    void aPoolThatCannotAllocateAConnectionIsAnOutageEvenWithoutTheDriversException() {
        String words = "The connection could not be allocated: Socket fail to connect to 127.0.0.1:3308. Connection refused";
        ResourceAllocationException pool = new ResourceAllocationException(words);
        Exception pooling = new Exception(words, pool);
        SQLException allocating = new SQLException("Error in allocating a connection. Cause: " + words,
                new ResourceAllocationException("Error in allocating a connection. Cause: " + words, pooling));

        Optional<DatabaseOutage> outage = DatabaseOutage.in(new PersistenceException(DatabaseException.sqlException(allocating)));

        assertTrue(outage.isPresent());
        assertEquals("connection refused", outage.get().cause());
        assertTrue(outage.get().detail().contains("Socket fail to connect"), outage.get().detail());
    }

    @Test
    void aPoolWithNoConnectionToGiveInTimeIsAnOutageToo() {
        assertEquals("no connection", DatabaseOutage.in(new SQLException(new ResourceException(
                "IJ000655: No managed connections available within configured blocking timeout"))).orElseThrow().cause());
    }

    @Test
    void aCommitThatLostItsConnectionIsAnOutageThroughTheTransactionLayers() {
        SQLException lost = new SQLException("(conn=12) unexpected end of stream, read 0 bytes from 4", "08000", 0,
                new EOFException("unexpected end of stream"));
        RollbackException rollback = new RollbackException("commit failed");
        rollback.initCause(DatabaseException.sqlException(lost));

        Optional<DatabaseOutage> outage = DatabaseOutage.in(new TransactionalException("commit", rollback));

        assertTrue(outage.isPresent());
        assertEquals("connection lost", outage.get().cause());
    }

    @Test
    void theServerShuttingDownOrFullIsAnOutageByItsErrorCode() {
        assertEquals("the database server is shutting down", DatabaseOutage.in(new PersistenceException(
                new SQLException("Server shutdown in progress", "70100", 1053))).orElseThrow().cause());
        assertEquals("too many connections", DatabaseOutage.in(
                new SQLException("Too many connections", "HY000", 1040)).orElseThrow().cause());
    }

    @Test
    void connectionExceptionTypesAndStatesAreOutagesWithoutAnyDriverDetail() {
        assertTrue(DatabaseOutage.isOutage(new SQLTransientConnectionException("pool timed out",
                new SocketTimeoutException("connect timed out"))));
        assertEquals("no answer in time", DatabaseOutage.in(new SQLTransientConnectionException("pool timed out",
                new SocketTimeoutException("connect timed out"))).orElseThrow().cause());
        assertTrue(DatabaseOutage.isOutage(new SQLException("Communication link failure", "08S01")));
        assertEquals("no connection", DatabaseOutage.in(new SQLException("gone", "08003")).orElseThrow().cause());
    }

    @Test
    void credentialsTheDatabaseRefusesAreAnOutageOfTheService() {
        SQLException denied = new SQLException("Access denied for user 'mediamill'@'localhost'", "28000", 1045);

        assertEquals("the database refused the service's credentials",
                DatabaseOutage.in(asOnWildFly(denied)).orElseThrow().cause());
    }

    @Test
    void theNextExceptionOfABatchCounts() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", new int[0]);
        batch.setNextException(refused());

        assertTrue(DatabaseOutage.isOutage(new PersistenceException(batch)));
    }

    @Test
    void theApplicationsOwnFailuresAreNotOutages() {
        assertFalse(DatabaseOutage.isOutage(null));
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("no such video")));
        assertFalse(DatabaseOutage.isOutage(new PersistenceException(DatabaseException.sqlException(
                new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062)))));
        assertFalse(DatabaseOutage.isOutage(new SQLException("Table 'mediamill.video' doesn't exist", "42S02", 1146)));
        assertFalse(DatabaseOutage.isOutage(new UncheckedIOException(new ConnectException("Connection refused"))),
                "a refused connection elsewhere is not the database's");
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second") {
            @Override
            public synchronized Throwable getCause() {
                return first;
            }
        };
        first.initCause(second);

        assertFalse(DatabaseOutage.isOutage(first));
    }
}
