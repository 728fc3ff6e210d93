package io.mediamill.infrastructure.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On the embedded H2 database, migrated by the service's own migrations: nodes racing for a new secret agree. */
class JdbcServerSecretRepositoryTest {

    private JdbcDataSource database;

    @BeforeEach
    void migratedDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void aSecretIsMadeOnceAndThenReadBack() {
        JdbcServerSecretRepository secrets = node();

        assertEquals("first", secrets.getOrCreate("key", () -> "first"));
        assertEquals("first", secrets.getOrCreate("key", () -> "second"));
        assertEquals("other", secrets.getOrCreate("other-key", () -> "other"));
    }

    @Test
    void nodesStartingAtOnceAllGetTheSameSecret() throws Exception {
        int nodes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String mine = "secret-of-node-" + i;
                JdbcServerSecretRepository node = node();
                answers.add(pool.submit(() -> {
                    start.await();
                    return node.getOrCreate("key", () -> mine);
                }));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> answer : answers) {
                distinct.add(answer.get());
            }
            assertEquals(1, distinct.size(), distinct.toString());
            assertEquals(distinct.iterator().next(), stored("key"));
        } finally {
            pool.shutdownNow();
        }
    }

    private JdbcServerSecretRepository node() {
        JdbcServerSecretRepository node = new JdbcServerSecretRepository();
        node.dataSource = database;
        return node;
    }

    private String stored(String name) throws SQLException {
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT secret FROM server_secret")) {
            List<String> all = new ArrayList<>();
            while (rows.next()) {
                all.add(rows.getString(1));
            }
            assertEquals(1, all.size(), "one row for " + name);
            return all.get(0);
        }
    }
}
