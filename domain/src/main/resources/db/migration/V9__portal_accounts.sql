-- The portal's sign-in (issue 14): lockout after failed sign-ins, the authenticator app, emailed
-- verification codes, and account links for password resets and email confirmations.

ALTER TABLE account ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN locked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN email_confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN totp_secret_enc VARCHAR(200);
ALTER TABLE account ADD COLUMN totp_confirmed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;

-- account_invitation holds every emailed account link; existing rows are invitations
ALTER TABLE account_invitation ADD COLUMN purpose VARCHAR(20) DEFAULT 'INVITATION' NOT NULL;
CREATE INDEX account_invitation_account_idx ON account_invitation (account_id);

CREATE SEQUENCE verification_code_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE verification_code (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT      NOT NULL REFERENCES account (id),
    code_hash     VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    wrong_entries INTEGER     NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX verification_code_account_idx ON verification_code (account_id, created_at);
