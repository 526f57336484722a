-- Limits over rolling windows (a kiosk's failed attempts over 24 hours, refused custom PINs per
-- account and day), kept in the database so that they hold across restarts and instances.
CREATE SEQUENCE counted_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE counted_event (
    id      BIGINT PRIMARY KEY,
    kind    VARCHAR(40)  NOT NULL,
    subject VARCHAR(100) NOT NULL,
    at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX counted_event_subject_idx ON counted_event (kind, subject, at);
CREATE INDEX counted_event_at_idx ON counted_event (at);

-- A kiosk's budget alert is sent once per window; a retired kiosk keeps its row for the audit log.
ALTER TABLE kiosk ADD COLUMN budget_alerted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE kiosk ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
-- until when the kiosk's present block has been written to the audit log (once per block)
ALTER TABLE kiosk ADD COLUMN throttle_noted_until TIMESTAMP WITH TIME ZONE;

-- One-time PINs requested at a kiosk: a recipient has at most one live at a time.
ALTER TABLE access_key ADD COLUMN kiosk_requested BOOLEAN DEFAULT FALSE NOT NULL;

-- Ended kiosk sessions are kept until they would have expired, then removed.
ALTER TABLE kiosk_session_end ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX kiosk_session_end_expiry_idx ON kiosk_session_end (expires_at);

-- A kiosk's last sign-in (and its other events by type) without reading its other events.
CREATE INDEX audit_event_kiosk_idx ON audit_event (kiosk_id, type, id);
