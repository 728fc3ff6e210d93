-- Videos, their thumbnails and renditions. Portable SQL: runs on MariaDB and on the embedded H2 alike.
CREATE TABLE video (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    title             VARCHAR(500)  NOT NULL,
    original_filename VARCHAR(1000),
    source_path       VARCHAR(1000) NOT NULL,
    size_bytes        BIGINT        NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    progress          INT           NOT NULL DEFAULT 0,
    container         VARCHAR(200),
    duration_seconds  DOUBLE,
    width             INT,
    height            INT,
    video_codec       VARCHAR(64),
    audio_codec       VARCHAR(64),
    error             VARCHAR(4000),
    job_execution_id  BIGINT,
    created_at        TIMESTAMP(3)  NOT NULL,
    updated_at        TIMESTAMP(3)  NOT NULL
);
CREATE INDEX video_created_at ON video (created_at);
CREATE INDEX video_status ON video (status);

CREATE TABLE video_thumbnail (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    video_id     CHAR(36)      NOT NULL,
    position     INT           NOT NULL,
    time_seconds DOUBLE        NOT NULL,
    path         VARCHAR(1000) NOT NULL,
    width        INT           NOT NULL,
    height       INT           NOT NULL,
    CONSTRAINT video_thumbnail_video FOREIGN KEY (video_id) REFERENCES video (id) ON DELETE CASCADE,
    CONSTRAINT video_thumbnail_position UNIQUE (video_id, position)
);

CREATE TABLE video_rendition (
    id         CHAR(36)      NOT NULL PRIMARY KEY,
    video_id   CHAR(36)      NOT NULL,
    height     INT           NOT NULL,
    width      INT           NOT NULL,
    bitrate    BIGINT        NOT NULL,
    size_bytes BIGINT        NOT NULL,
    path       VARCHAR(1000) NOT NULL,
    CONSTRAINT video_rendition_video FOREIGN KEY (video_id) REFERENCES video (id) ON DELETE CASCADE,
    CONSTRAINT video_rendition_height UNIQUE (video_id, height)
);
