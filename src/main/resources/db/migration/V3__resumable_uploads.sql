-- Resumable (tus) uploads in progress, and content hashes so the same video uploaded twice is kept once.
CREATE TABLE resumable_upload (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    owner         VARCHAR(100)  NOT NULL,
    upload_length BIGINT        NOT NULL,
    upload_offset BIGINT        NOT NULL,
    metadata      VARCHAR(4000),
    file_name     VARCHAR(1000),
    file_type     VARCHAR(200),
    title         VARCHAR(500),
    video_id      CHAR(36),
    created_at    TIMESTAMP(3)  NOT NULL,
    expires_at    TIMESTAMP(3)  NOT NULL
);
CREATE INDEX resumable_upload_expires ON resumable_upload (expires_at);

ALTER TABLE video ADD COLUMN owner VARCHAR(100) DEFAULT 'anonymous' NOT NULL;
ALTER TABLE video ADD COLUMN sha256 CHAR(64);
CREATE INDEX video_owner_sha256 ON video (owner, sha256);
