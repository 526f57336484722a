-- The recipient import (Jakarta Batch job recipient-import): one row per run, and the lines
-- of its file as read, so that the move-out check, the upsert and a restart work from the
-- database and never from a half-read file.

CREATE SEQUENCE recipient_import_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE recipient_import (
    id              BIGINT PRIMARY KEY,
    site_id         BIGINT        NOT NULL REFERENCES site (id),
    layout          VARCHAR(40)   NOT NULL,
    mode            VARCHAR(20)   NOT NULL,
    forced          BOOLEAN       NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    execution_id    BIGINT,
    file_path       VARCHAR(1000) NOT NULL,
    file_bytes      BIGINT        NOT NULL,
    started_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    read_count      BIGINT        NOT NULL DEFAULT 0,
    inserted_count  BIGINT        NOT NULL DEFAULT 0,
    updated_count   BIGINT        NOT NULL DEFAULT 0,
    unchanged_count BIGINT        NOT NULL DEFAULT 0,
    moved_out_count BIGINT        NOT NULL DEFAULT 0,
    skipped_count   BIGINT        NOT NULL DEFAULT 0,
    failure_reason  VARCHAR(1000)
);
CREATE INDEX recipient_import_site_idx ON recipient_import (site_id, id);

-- error: why the line was skipped (null for a good line); outcome: what the upsert did with it
-- (null until then), which makes a replayed chunk skip lines already applied.
CREATE TABLE import_line (
    import_id   BIGINT       NOT NULL REFERENCES recipient_import (id) ON DELETE CASCADE,
    line        BIGINT       NOT NULL,
    external_id VARCHAR(100),
    first_name  VARCHAR(100),
    last_name   VARCHAR(100),
    unit        VARCHAR(50),
    email       VARCHAR(320),
    phone       VARCHAR(20),
    moved_out   BOOLEAN      NOT NULL,
    error       VARCHAR(500),
    outcome     VARCHAR(20),
    PRIMARY KEY (import_id, line)
);
CREATE INDEX import_line_external_idx ON import_line (import_id, external_id);
