-- What each node still has to send to each peer: one row per (node, peer, video), the latest action winning
-- (a delete replaces a pending push). Rows outlive restarts; a failed transfer waits for its next attempt.
CREATE TABLE sync_backlog (
    origin          VARCHAR(50)   NOT NULL,
    peer            VARCHAR(50)   NOT NULL,
    video_id        CHAR(36)      NOT NULL,
    action          VARCHAR(10)   NOT NULL,
    queued_at       TIMESTAMP(6)  NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(6)  NOT NULL,
    last_error      VARCHAR(2000),
    PRIMARY KEY (origin, peer, video_id)
);
CREATE INDEX sync_backlog_due ON sync_backlog (origin, next_attempt_at);
