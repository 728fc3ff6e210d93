-- Who may play a video from its plain media URLs (existing videos become private: signed URLs still play
-- them), what a resumable upload asked for, and the secrets every node sharing this database signs with.
ALTER TABLE video ADD COLUMN visibility VARCHAR(16) DEFAULT 'PRIVATE' NOT NULL;
ALTER TABLE resumable_upload ADD COLUMN visibility VARCHAR(16) DEFAULT 'PRIVATE' NOT NULL;

-- One row per secret, made by whichever node needs it first; the primary key lets only one insert win.
CREATE TABLE server_secret (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL
);
