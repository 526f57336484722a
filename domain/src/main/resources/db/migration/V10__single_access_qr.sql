-- A single access PIN comes with a single-use QR code of the same expiry (issue 14): each names
-- the other, and using either one spends both.
ALTER TABLE access_key ADD COLUMN partner_key_id BIGINT;
