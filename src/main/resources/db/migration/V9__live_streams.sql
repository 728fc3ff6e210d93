-- Live camera relays: one row per camera, kept after it stops so its last state and error stay readable.
-- "wanted" says whether an operator wants it running; "node" is the node that claimed it (the database decides:
-- a node claims a wanted camera that no live node holds, with a conditional UPDATE).
CREATE TABLE live_stream (
    camera_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    source             VARCHAR(2000) NOT NULL,
    rtmp_target        VARCHAR(2000),
    title              VARCHAR(200),
    owner              VARCHAR(100)  NOT NULL,
    wanted             BOOLEAN       NOT NULL,
    node               VARCHAR(50),
    state              VARCHAR(10)   NOT NULL,
    requested_at       TIMESTAMP(3)  NOT NULL,
    running_since      TIMESTAMP(3),
    restarts           INT           NOT NULL,
    failures_in_a_row  INT           NOT NULL,
    last_error         VARCHAR(4000),
    video_codec        VARCHAR(30),
    audio_codec        VARCHAR(30),
    width              INT,
    height             INT,
    transcoding        BOOLEAN,
    output_bitrate     BIGINT
);
CREATE INDEX live_stream_wanted ON live_stream (wanted, node);

-- One row, locked by every start so that two starts at once cannot both take the last free relay slot.
CREATE TABLE live_stream_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO live_stream_lock (id) VALUES (1);
