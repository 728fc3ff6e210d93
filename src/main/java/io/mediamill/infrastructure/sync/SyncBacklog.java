package io.mediamill.infrastructure.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The transfers a node still owes its peers, in table {@code sync_backlog}: one row per peer and video, the
 * latest action winning. Plain, portable SQL (MariaDB and H2); it joins the caller's transaction when there is
 * one, so a video's row and the push of its files are recorded together.
 */
final class SyncBacklog {

    enum Action { PUSH, DELETE }

    /** A transfer owed to a peer; {@code queuedAt} tells it apart from a newer action for the same video. */
    record Entry(String peer, String videoId, Action action, Instant queuedAt, int attempts) {
    }

    /** What waits for one peer: how many, and since when. */
    record Pending(long count, Instant since, String lastError) {
    }

    private final DataSource dataSource;
    private final String origin;

    SyncBacklog(DataSource dataSource, String origin) {
        this.dataSource = dataSource;
        this.origin = origin;
    }

    void add(String peer, String videoId, Action action, Instant now) {
        int changed = update("UPDATE sync_backlog SET action = ?, queued_at = ?, attempts = 0, next_attempt_at = ?, "
                + "last_error = NULL WHERE origin = ? AND peer = ? AND video_id = ?",
                action.name(), Timestamp.from(now), Timestamp.from(now), origin, peer, videoId);
        if (changed == 0) {
            try {
                update("INSERT INTO sync_backlog (origin, peer, video_id, action, queued_at, attempts, next_attempt_at) "
                        + "VALUES (?, ?, ?, ?, ?, 0, ?)", origin, peer, videoId, action.name(), Timestamp.from(now),
                        Timestamp.from(now));
            } catch (IllegalStateException raced) {
                // Another thread of this node queued the same video meanwhile: its row stands for both.
                update("UPDATE sync_backlog SET action = ?, queued_at = ?, next_attempt_at = ? WHERE origin = ? "
                        + "AND peer = ? AND video_id = ?", action.name(), Timestamp.from(now), Timestamp.from(now),
                        origin, peer, videoId);
            }
        }
    }

    /** Entries owed to {@code peer} and due by {@code now}, oldest first. */
    List<Entry> due(String peer, Instant now, int limit) {
        List<Entry> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT peer, video_id, action, queued_at, attempts "
                     + "FROM sync_backlog WHERE origin = ? AND peer = ? AND next_attempt_at <= ? ORDER BY queued_at")) {
            select.setString(1, origin);
            select.setString(2, peer);
            select.setTimestamp(3, Timestamp.from(now));
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Entry(rows.getString(1), rows.getString(2), Action.valueOf(rows.getString(3)),
                            rows.getTimestamp(4).toInstant(), rows.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sync backlog: " + e.getMessage(), e);
        }
        return due;
    }

    /** The entry is done, unless a newer action for the same video replaced it meanwhile. */
    void done(Entry entry) {
        update("DELETE FROM sync_backlog WHERE origin = ? AND peer = ? AND video_id = ? AND queued_at = ?",
                origin, entry.peer(), entry.videoId(), Timestamp.from(entry.queuedAt()));
    }

    void failed(Entry entry, Instant next, String error) {
        update("UPDATE sync_backlog SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE origin = ? "
                + "AND peer = ? AND video_id = ? AND queued_at = ?", Timestamp.from(next), truncate(error), origin,
                entry.peer(), entry.videoId(), Timestamp.from(entry.queuedAt()));
    }

    Pending pending(String peer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), MIN(queued_at), MAX(last_error) "
                     + "FROM sync_backlog WHERE origin = ? AND peer = ?")) {
            select.setString(1, origin);
            select.setString(2, peer);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                Timestamp since = rows.getTimestamp(2);
                return new Pending(rows.getLong(1), since == null ? null : since.toInstant(), rows.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sync backlog: " + e.getMessage(), e);
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(error.length() - 2000);
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the sync backlog: " + e.getMessage(), e);
        }
    }
}
