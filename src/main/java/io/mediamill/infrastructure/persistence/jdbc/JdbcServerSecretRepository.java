package io.mediamill.infrastructure.persistence.jdbc;

import io.mediamill.domain.model.secret.ServerSecretRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Server secrets in table {@code server_secret}. Insert-if-absent without any database's own syntax: the
 * primary key lets one of two racing inserts win, and the loser reads the winner's row. Outside the
 * caller's transaction, so a lost race never dooms the request that needed the secret.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcServerSecretRepository implements ServerSecretRepository {

    private static final Logger LOG = Logger.getLogger(JdbcServerSecretRepository.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    public String getOrCreate(String name, Supplier<String> fresh) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> stored = find(connection, name);
            if (stored.isPresent()) {
                return stored.get();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO server_secret (name, secret, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, name);
                insert.setString(2, fresh.get());
                insert.executeUpdate();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                LOG.info(() -> "made server secret " + name);
            } catch (SQLException lostRace) {
                // Another node inserted it first (a duplicate key), unless the row is still missing below.
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                return find(connection, name).orElseThrow(() -> new IllegalStateException(
                        "could not store server secret " + name + ": " + lostRace.getMessage(), lostRace));
            }
            return find(connection, name)
                    .orElseThrow(() -> new IllegalStateException("server secret " + name + " vanished"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read server secret " + name + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM server_secret WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
