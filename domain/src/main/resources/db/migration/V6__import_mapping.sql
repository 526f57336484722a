-- A site's own column mapping for a resident export the import does not know out of the box:
-- POST .../imports?layout=<name> then reads the file by it.
CREATE SEQUENCE import_mapping_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE import_mapping (
    id                  BIGINT PRIMARY KEY,
    site_id             BIGINT        NOT NULL REFERENCES site (id),
    name                VARCHAR(40)   NOT NULL,
    external_id_column  VARCHAR(100)  NOT NULL,
    unit_column         VARCHAR(100)  NOT NULL,
    first_name_column   VARCHAR(100)  NOT NULL,
    last_name_column    VARCHAR(100)  NOT NULL,
    email_column        VARCHAR(100),
    mobile_phone_column VARCHAR(100),
    other_phone_column  VARCHAR(100),
    status_column       VARCHAR(100),
    current_statuses    VARCHAR(2000) NOT NULL,
    former_statuses     VARCHAR(2000) NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT import_mapping_name_uq UNIQUE (site_id, name)
);
