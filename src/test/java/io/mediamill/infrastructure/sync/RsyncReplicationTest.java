package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class RsyncReplicationTest {

    @Test
    void nodesWithPeersRefuseADatabaseOfTheirOwn() {
        JdbcDataSource embedded = new JdbcDataSource();
        embedded.setURL("jdbc:h2:mem:" + UUID.randomUUID());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RsyncReplication.requireSharedDatabase(embedded));

        assertTrue(refused.getMessage().contains("share one MariaDB"), refused.getMessage());
    }
}
