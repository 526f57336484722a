-- Facts every instance must agree on, such as the fingerprint of the keys PINs are encrypted and
-- indexed with (never the keys themselves).
CREATE TABLE installation_fact (
    name  VARCHAR(100) PRIMARY KEY,
    fact_value VARCHAR(500) NOT NULL
);

-- A holder's keys (a move-out deactivates them, an import looks them up) without a scan.
CREATE INDEX access_key_holder_idx ON access_key (holder_kind, holder_id);
