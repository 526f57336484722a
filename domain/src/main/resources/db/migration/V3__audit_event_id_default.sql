-- Audit events are appended with plain JDBC inserts that take their id from the database, so
-- that busy kiosks do not queue for the JPA provider's id allocation. Ids stay increasing.
ALTER SEQUENCE audit_event_seq INCREMENT BY 1;
ALTER TABLE audit_event ALTER COLUMN id SET DEFAULT ${next_audit_event_id};
