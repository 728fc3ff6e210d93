-- Users with their roles and password hashes, and the API tokens they issue (only a token's SHA-256 is kept).
CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP(3) NOT NULL
);

CREATE TABLE api_token (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    username   VARCHAR(64)  NOT NULL,
    token_hash CHAR(64)     NOT NULL,
    name       VARCHAR(200),
    created_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT api_token_hash UNIQUE (token_hash)
);
CREATE INDEX api_token_username ON api_token (username);

CREATE INDEX video_owner_created_at ON video (owner, created_at);
