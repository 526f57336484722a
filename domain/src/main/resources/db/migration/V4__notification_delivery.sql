-- Delivery of the outbox: the HTML part of an email, the QR code it shows, and the claim that
-- lets exactly one server instance send a message at a time.
ALTER TABLE notification ADD COLUMN html_enc VARCHAR(200000);
ALTER TABLE notification ADD COLUMN qr_key_id BIGINT;
ALTER TABLE notification ADD COLUMN claim_token VARCHAR(64);
ALTER TABLE notification ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX notification_claim_idx ON notification (claim_token);
-- the daily SMS budget of a site counts its text messages of the day
CREATE INDEX notification_site_channel_idx ON notification (site_id, channel, created_at);
