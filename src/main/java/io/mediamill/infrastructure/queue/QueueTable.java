package io.mediamill.infrastructure.queue;

import io.mediamill.domain.model.processing.NodeActivity;
import io.mediamill.domain.model.processing.QueueCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What db-scheduler's API does not offer, in plain SQL on its table and ours: counts by state, tasks held per
 * node, moving a task to the front, releasing what a node held before it restarted, and the nodes' own
 * heartbeats. Every statement here is portable (MariaDB and H2) and runs in autocommit.
 */
final class QueueTable {

    /** Above db-scheduler's highest named priority: an operator's "run next" comes before everything else. */
    static final int RUN_NEXT_PRIORITY = 100;

    private final DataSource dataSource;
    private final String taskName;

    QueueTable(DataSource dataSource, String taskName) {
        this.dataSource = dataSource;
        this.taskName = taskName;
    }

    QueueCounts counts() {
        long due = 0;
        long waiting = 0;
        long running = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT picked, consecutive_failures FROM "
                     + "scheduled_tasks WHERE task_name = ?")) {
            select.setString(1, taskName);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(1)) {
                        running++;
                    } else if (rows.getInt(2) > 0) {
                        waiting++;
                    } else {
                        due++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the processing queue: " + e.getMessage(), e);
        }
        return new QueueCounts(due, waiting, running);
    }

    boolean raisePriority(String videoId) {
        return update("UPDATE scheduled_tasks SET priority = ?, version = version + 1 WHERE task_name = ? "
                + "AND task_instance = ? AND picked = ?", RUN_NEXT_PRIORITY, taskName, videoId, false) > 0;
    }

    void deleteWaiting(String videoId) {
        update("DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND picked = ?",
                taskName, videoId, false);
    }

    /**
     * Hands back what this node held when it went down: a node that has just started runs nothing yet, so its
     * claims are its dead predecessor's, and waiting for them to look dead would only lose time.
     */
    int releaseClaimsOf(String node) {
        return update("UPDATE scheduled_tasks SET picked = ?, picked_by = NULL, last_heartbeat = NULL, "
                + "version = version + 1 WHERE picked = ? AND picked_by = ?", false, true, node);
    }

    void beat(String node, Instant now, Instant startedAt, int workers) {
        if (update("UPDATE processing_node SET last_heartbeat = ?, workers = ? WHERE name = ?",
                Timestamp.from(now), workers, node) == 0) {
            try {
                update("INSERT INTO processing_node (name, started_at, last_heartbeat, workers) VALUES (?, ?, ?, ?)",
                        node, Timestamp.from(startedAt), Timestamp.from(now), workers);
            } catch (IllegalStateException lostRace) {
                // Two beats of one node cannot race; a stale row of a namesake can only be updated next time.
                update("UPDATE processing_node SET last_heartbeat = ?, workers = ? WHERE name = ?",
                        Timestamp.from(now), workers, node);
            }
        }
    }

    void restarted(String node, Instant now, int workers) {
        beat(node, now, now, workers);
        update("UPDATE processing_node SET started_at = ? WHERE name = ?", Timestamp.from(now), node);
    }

    Instant lastHeartbeat(String node) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT last_heartbeat FROM processing_node WHERE name = ?")) {
            select.setString(1, node);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getTimestamp(1).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the heartbeat of node " + node + ": " + e.getMessage(), e);
        }
    }

    /** Nodes heard from within {@code forgetAfter}, with the tasks each holds. */
    List<NodeActivity> nodes(Instant now, Duration deadAfter, Duration forgetAfter) {
        Map<String, Long> held = new HashMap<>();
        List<NodeActivity> nodes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT picked_by, COUNT(*) FROM scheduled_tasks "
                    + "WHERE task_name = ? AND picked = ? GROUP BY picked_by")) {
                select.setString(1, taskName);
                select.setBoolean(2, true);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        held.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT name, started_at, last_heartbeat, workers "
                    + "FROM processing_node WHERE last_heartbeat > ? ORDER BY name")) {
                select.setTimestamp(1, Timestamp.from(now.minus(forgetAfter)));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String name = rows.getString(1);
                        Instant last = rows.getTimestamp(3).toInstant();
                        nodes.add(new NodeActivity(name, rows.getTimestamp(2).toInstant(), last,
                                last.isAfter(now.minus(deadAfter)), rows.getInt(4), held.getOrDefault(name, 0L)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the processing nodes: " + e.getMessage(), e);
        }
        return nodes;
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            int changed = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the processing queue: " + e.getMessage(), e);
        }
    }
}
