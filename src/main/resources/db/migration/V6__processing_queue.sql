-- The processing queue, shared by every node: db-scheduler's table in its MariaDB layout (portable types, so
-- the embedded H2 takes it as well). One row per video still to be processed; a node claims a row by
-- raising its version, and keeps its heartbeat fresh while it works on it.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP(6) NULL,
    last_failure         TIMESTAMP(6) NULL,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP(6) NULL,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority, execution_time);

-- Every job execution that processed a video, on which node, how it ended and why it failed.
CREATE TABLE processing_attempt (
    execution_id BIGINT        NOT NULL PRIMARY KEY,
    video_id     CHAR(36)      NOT NULL,
    attempt      INT           NOT NULL,
    node         VARCHAR(50)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    started_at   TIMESTAMP(3)  NOT NULL,
    ended_at     TIMESTAMP(3)  NULL,
    failed_step  VARCHAR(64),
    error        VARCHAR(4000),
    retryable    BOOLEAN       NOT NULL
);
CREATE INDEX processing_attempt_video ON processing_attempt (video_id, attempt);
CREATE INDEX processing_attempt_status ON processing_attempt (status, started_at);

-- The nodes sharing this database, each saying it is alive every heartbeat.
CREATE TABLE processing_node (
    name           VARCHAR(50)  NOT NULL PRIMARY KEY,
    started_at     TIMESTAMP(3) NOT NULL,
    last_heartbeat TIMESTAMP(3) NOT NULL,
    workers        INT          NOT NULL
);
