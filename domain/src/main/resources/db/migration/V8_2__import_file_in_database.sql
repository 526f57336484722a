-- An import's file is kept in the database until the import completes, in chunks, so that any
-- instance can resume an import whose server died (a file on that server's disk would be lost).
CREATE TABLE import_file_chunk (
    import_id BIGINT  NOT NULL REFERENCES recipient_import (id),
    seq       INTEGER NOT NULL,
    data      BYTEA   NOT NULL,
    PRIMARY KEY (import_id, seq)
);
