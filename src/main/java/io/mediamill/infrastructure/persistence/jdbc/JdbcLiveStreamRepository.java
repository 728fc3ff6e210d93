package io.mediamill.infrastructure.persistence.jdbc;

import io.mediamill.domain.model.live.CameraId;
import io.mediamill.domain.model.live.InputFacts;
import io.mediamill.domain.model.live.LiveStream;
import io.mediamill.domain.model.live.LiveStreamRepository;
import io.mediamill.domain.model.live.LiveStreamRepository.StartOutcome;
import io.mediamill.domain.model.live.RelayState;
import io.mediamill.domain.model.live.StreamSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The relays in table {@code live_stream}, in plain SQL that MariaDB and H2 both run. Never in a caller's
 * transaction: a start is a local transaction of its own (lock, count, insert), every other change a single
 * statement that commits alone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcLiveStreamRepository implements LiveStreamRepository {

    private static final String COLUMNS = "camera_id, source, rtmp_target, title, owner, wanted, node, state, requested_at, "
            + "running_since, restarts, failures_in_a_row, last_error, video_codec, audio_codec, width, height, transcoding, "
            + "output_bitrate";
    /** The longest error kept: the column's size, less room for the ellipsis. */
    private static final int ERROR_LENGTH = 3990;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    public Optional<LiveStream> find(CameraId cameraId) {
        List<LiveStream> found = query("SELECT " + COLUMNS + " FROM live_stream WHERE camera_id = ?", cameraId.value());
        return found.stream().findFirst();
    }

    @Override
    public List<LiveStream> all() {
        return query("SELECT " + COLUMNS + " FROM live_stream ORDER BY camera_id");
    }

    @Override
    public List<LiveStream> wanted() {
        return query("SELECT " + COLUMNS + " FROM live_stream WHERE wanted = ? ORDER BY requested_at", true);
    }

    @Override
    public StartOutcome start(CameraId cameraId, StreamSource source, StreamSource rtmpTarget, String title, String owner,
                              int capacity, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                StartOutcome outcome = start(connection, cameraId, source, rtmpTarget, title, owner, capacity, now);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("start relay " + cameraId, e);
        }
    }

    private StartOutcome start(Connection connection, CameraId cameraId, StreamSource source, StreamSource rtmpTarget,
                               String title, String owner, int capacity, Instant now) throws SQLException {
        // Every start locks the one row first, so the count below cannot change until this one commits.
        update(connection, "UPDATE live_stream_lock SET id = id WHERE id = 1");
        List<LiveStream> existing = query(connection, "SELECT " + COLUMNS + " FROM live_stream WHERE camera_id = ?", cameraId.value());
        if (!existing.isEmpty() && existing.get(0).wanted()) {
            return existing.get(0).relays(source, rtmpTarget) ? StartOutcome.ALREADY_WANTED : StartOutcome.WANTED_OTHERWISE;
        }
        try (PreparedStatement count = prepare(connection, "SELECT COUNT(*) FROM live_stream WHERE wanted = ?", true);
             ResultSet rows = count.executeQuery()) {
            rows.next();
            if (rows.getInt(1) >= capacity) {
                return StartOutcome.FULL;
            }
        }
        String target = rtmpTarget == null ? null : rtmpTarget.url();
        if (existing.isEmpty()) {
            update(connection, "INSERT INTO live_stream (camera_id, source, rtmp_target, title, owner, wanted, state, "
                            + "requested_at, restarts, failures_in_a_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
                    cameraId.value(), source.url(), target, title, owner, true, RelayState.STARTING.name(), Timestamp.from(now));
        } else {
            update(connection, "UPDATE live_stream SET source = ?, rtmp_target = ?, title = ?, owner = ?, wanted = ?, "
                            + "node = NULL, state = ?, requested_at = ?, running_since = NULL, restarts = 0, "
                            + "failures_in_a_row = 0, last_error = NULL, output_bitrate = NULL WHERE camera_id = ?",
                    source.url(), target, title, owner, true, RelayState.STARTING.name(), Timestamp.from(now), cameraId.value());
        }
        return StartOutcome.STARTED;
    }

    @Override
    public boolean stop(CameraId cameraId) {
        return update("UPDATE live_stream SET wanted = ?, node = NULL, state = ?, running_since = NULL, output_bitrate = NULL "
                + "WHERE camera_id = ? AND wanted = ?", false, RelayState.STOPPED.name(), cameraId.value(), true) > 0;
    }

    @Override
    public List<CameraId> stopAll() {
        List<CameraId> stopped = new ArrayList<>();
        for (LiveStream stream : wanted()) {
            if (stop(stream.cameraId())) {
                stopped.add(stream.cameraId());
            }
        }
        return stopped;
    }

    @Override
    public boolean claim(CameraId cameraId, String node, String seenOn) {
        // A claimed camera starts afresh here: what the dead node last recorded (RUNNING, its bitrate) is no longer so.
        String claimed = "UPDATE live_stream SET node = ?, state = ?, running_since = NULL, output_bitrate = NULL "
                + "WHERE camera_id = ? AND wanted = ? AND ";
        if (seenOn == null) {
            return update(claimed + "node IS NULL", node, RelayState.STARTING.name(), cameraId.value(), true) > 0;
        }
        return update(claimed + "node = ?", node, RelayState.STARTING.name(), cameraId.value(), true, seenOn) > 0;
    }

    @Override
    public void release(CameraId cameraId, String node) {
        update("UPDATE live_stream SET node = NULL, state = ?, running_since = NULL, output_bitrate = NULL "
                + "WHERE camera_id = ? AND node = ? AND wanted = ?", RelayState.STARTING.name(), cameraId.value(), node, true);
    }

    @Override
    public boolean probed(CameraId cameraId, String node, InputFacts input, boolean transcoding) {
        return held("video_codec = ?, audio_codec = ?, width = ?, height = ?, transcoding = ?", cameraId, node,
                input.videoCodec(), input.audioCodec(), input.width(), input.height(), transcoding);
    }

    @Override
    public boolean running(CameraId cameraId, String node, Instant since) {
        return held("state = ?, running_since = ?, failures_in_a_row = 0", cameraId, node,
                RelayState.RUNNING.name(), Timestamp.from(since));
    }

    @Override
    public boolean outputBitrate(CameraId cameraId, String node, long bitsPerSecond) {
        return held("output_bitrate = ?", cameraId, node, bitsPerSecond);
    }

    @Override
    public boolean retrying(CameraId cameraId, String node, String error, int restarts, int failuresInARow) {
        return held("state = ?, running_since = NULL, output_bitrate = NULL, last_error = ?, restarts = ?, failures_in_a_row = ?",
                cameraId, node, RelayState.RETRYING.name(), shortened(error), restarts, failuresInARow);
    }

    @Override
    public boolean failed(CameraId cameraId, String node, String error, int restarts, int failuresInARow) {
        return held("wanted = ?, node = NULL, state = ?, running_since = NULL, output_bitrate = NULL, last_error = ?, "
                        + "restarts = ?, failures_in_a_row = ?", cameraId, node,
                false, RelayState.FAILED.name(), shortened(error), restarts, failuresInARow);
    }

    /** Sets {@code assignments} on the camera if {@code node} holds it and it is wanted; answers whether it did. */
    private boolean held(String assignments, CameraId cameraId, String node, Object... values) {
        Object[] all = new Object[values.length + 3];
        System.arraycopy(values, 0, all, 0, values.length);
        all[values.length] = cameraId.value();
        all[values.length + 1] = node;
        all[values.length + 2] = true;
        return update("UPDATE live_stream SET " + assignments + " WHERE camera_id = ? AND node = ? AND wanted = ?", all) > 0;
    }

    private static String shortened(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : "…" + error.substring(error.length() - ERROR_LENGTH);
    }

    private List<LiveStream> query(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, values);
        } catch (SQLException e) {
            throw failure("read the relays", e);
        }
    }

    private static List<LiveStream> query(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, values);
             ResultSet rows = select.executeQuery()) {
            List<LiveStream> streams = new ArrayList<>();
            while (rows.next()) {
                streams.add(read(rows));
            }
            return streams;
        }
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, sql, values);
        } catch (SQLException e) {
            throw failure("update the relays", e);
        }
    }

    private static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement update = prepare(connection, sql, values)) {
            return update.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(i + 1, flag);
            } else if (value instanceof Timestamp time) {
                statement.setTimestamp(i + 1, time);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
        return statement;
    }

    private static LiveStream read(ResultSet row) throws SQLException {
        String target = row.getString("rtmp_target");
        String videoCodec = row.getString("video_codec");
        long bitrate = row.getLong("output_bitrate");
        Long outputBitrate = row.wasNull() ? null : bitrate;
        InputFacts input = videoCodec == null ? null
                : new InputFacts(videoCodec, row.getString("audio_codec"), row.getInt("width"), row.getInt("height"));
        boolean transcodes = row.getBoolean("transcoding");
        Boolean transcoding = row.wasNull() ? null : transcodes;
        return new LiveStream(new CameraId(row.getString("camera_id")), new StreamSource(row.getString("source"), null),
                target == null ? null : new StreamSource(target, null), row.getString("title"), row.getString("owner"),
                row.getBoolean("wanted"), row.getString("node"), RelayState.valueOf(row.getString("state")),
                instant(row.getTimestamp("requested_at")), instant(row.getTimestamp("running_since")), row.getInt("restarts"),
                row.getInt("failures_in_a_row"), row.getString("last_error"), input, transcoding, outputBitrate);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
}
