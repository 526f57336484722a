-- The messages nobody waits for at that moment (an import's welcome messages, which may number a
-- million) go out after those someone waits for (a verification code, a PIN asked for at a kiosk,
-- a single access PIN, a password reset): the outbox sends the due messages that are not bulk
-- first, so that a nightly import, or a mail server back after an outage with the night's welcomes
-- waiting, does not keep a staff member's sign-in code waiting behind them.
ALTER TABLE notification ADD COLUMN bulk BOOLEAN DEFAULT FALSE NOT NULL;
DROP INDEX notification_due_idx;
CREATE INDEX notification_due_idx ON notification (status, bulk, next_attempt_at, id);
