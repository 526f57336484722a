-- Indexes of columns that most rows leave empty hold only the rows that fill them (PostgreSQL; H2
-- has no partial indexes): a resident's keys name no courier, no account and no expiry, an
-- import's audit events no kiosk, a message waiting in the outbox no claim. Each such row wrote
-- an entry for its NULL into every one of these indexes: nine entries per imported resident that
-- nothing reads. Every query of these columns compares them with a value (courier_id = ?,
-- expires_at < ?, claim_token = ?, the foreign keys' checks), which implies NOT NULL, so the
-- planner still uses them.
${postgres_only} DROP INDEX access_key_courier_idx;
${postgres_only} CREATE INDEX access_key_courier_idx ON access_key (courier_id) WHERE courier_id IS NOT NULL;
${postgres_only} DROP INDEX access_key_account_idx;
${postgres_only} CREATE INDEX access_key_account_idx ON access_key (account_id) WHERE account_id IS NOT NULL;
${postgres_only} DROP INDEX access_key_expiry_idx;
${postgres_only} CREATE INDEX access_key_expiry_idx ON access_key (expires_at) WHERE expires_at IS NOT NULL;
${postgres_only} DROP INDEX audit_event_kiosk_idx;
${postgres_only} CREATE INDEX audit_event_kiosk_idx ON audit_event (kiosk_id, id) WHERE kiosk_id IS NOT NULL;
${postgres_only} DROP INDEX notification_claim_idx;
${postgres_only} CREATE INDEX notification_claim_idx ON notification (claim_token) WHERE claim_token IS NOT NULL;
