package io.mediamill.infrastructure.sync;

import io.mediamill.infrastructure.Backoff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.replication.PeerStatus;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.storage.MediaStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link to a real rsync daemon on loopback, with its backlog in the service's own schema (on H2). */
class PeerLinkTest {

    /** Ids are UUIDs, as the column that holds them expects. */
    private static final String VIDEO = "abcd1234-5678-4abc-8def-0123456789ab";
    private static final Duration RETRY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private LoopbackRsyncDaemon daemon;
    private SyncBacklog backlog;
    private MediaStorage storage;
    private PeerLink link;

    @BeforeEach
    void link() throws Exception {
        daemon = LoopbackRsyncDaemon.start(dir);
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        backlog = new SyncBacklog(database, "here");
        storage = new MediaStorage(Files.createDirectories(dir.resolve("here")));
        link = new PeerLink(daemon.peer("other"), new RsyncCommands("rsync", storage.root(), daemon.passwordFile()),
                new CommonsExecProcessRunner(), backlog, storage, new Backoff(RETRY, Duration.ofMinutes(5)),
                Clock.systemUTC());
    }

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void drainingSendsWhatIsOwedToItsPeerAndLeavesOtherPeersEntries() throws Exception {
        Path folder = Files.createDirectories(storage.videoDir(VIDEO));
        Files.write(folder.resolve("original"), new byte[] {1, 2, 3});
        Instant now = Instant.now();
        backlog.add("other", VIDEO, SyncBacklog.Action.PUSH, now);
        backlog.add("third", VIDEO, SyncBacklog.Action.PUSH, now);

        link.drain();

        Path copied = daemon.volume().resolve(storage.relative(folder)).resolve("original");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(copied));
        assertEquals(List.of(), backlog.due("other", now.plusSeconds(3600), 10));
        assertEquals(1, backlog.due("third", now.plusSeconds(3600), 10).size(), "another peer's entry waits for its link");
        PeerStatus status = link.status();
        assertNotNull(status.lastTransfer());
        assertNull(status.lastError());
    }

    @Test
    void aVideoThePeerDoesNotHaveIsAbsentNotAFailureOfThePeer() {
        assertEquals(TransferOutcome.Kind.ABSENT, link.pullVideo("ffff0000-0000-4000-8000-000000000000", Duration.ofSeconds(60)).kind());
        assertNull(link.status().lastError(), "the peer answered");
    }

    @Test
    void aPeerThatIsDownKeepsItsEntryForALaterAttemptAndSaysWhy() throws Exception {
        Files.createDirectories(storage.videoDir(VIDEO));
        Instant now = Instant.now();
        backlog.add("other", VIDEO, SyncBacklog.Action.PUSH, now);
        daemon.close();

        link.drain();

        assertEquals(List.of(), backlog.due("other", Instant.now(), 10), "not again before the retry wait");
        List<SyncBacklog.Entry> later = backlog.due("other", Instant.now().plus(RETRY).plusSeconds(1), 10);
        assertEquals(1, later.size());
        assertEquals(1, later.get(0).attempts());
        PeerStatus status = link.status();
        assertEquals(1, status.backlog());
        assertTrue(status.lastError() != null && status.lastError().contains("rsync"), String.valueOf(status.lastError()));
    }

    @Test
    void aDeleteRemovesThePeersCopyEvenWhenTheFolderIsGoneHere() throws Exception {
        Path theirs = Files.createDirectories(daemon.volume().resolve(storage.relative(storage.videoDir(VIDEO))));
        Files.writeString(theirs.resolve("original"), "bytes");
        backlog.add("other", VIDEO, SyncBacklog.Action.DELETE, Instant.now());

        link.drain();

        assertFalse(Files.exists(theirs));
        assertEquals(0, link.status().backlog());
    }
}
