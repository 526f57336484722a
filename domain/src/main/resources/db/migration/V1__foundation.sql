-- Smart Package Room: sites, people, access keys, kiosks, audit, outbox.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

CREATE SEQUENCE site_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE kiosk_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE recipient_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE courier_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE access_key_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE notification_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE pin_request_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE site (
    id                  BIGINT PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    time_zone           VARCHAR(64)  NOT NULL,
    country             VARCHAR(2)   NOT NULL,
    request_pin_enabled BOOLEAN      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT       NOT NULL
);

CREATE TABLE kiosk (
    id                   BIGINT PRIMARY KEY,
    site_id              BIGINT       NOT NULL REFERENCES site (id),
    name                 VARCHAR(200) NOT NULL,
    token_hash           VARCHAR(64)  NOT NULL UNIQUE,
    consecutive_failures INTEGER      NOT NULL,
    blocked_until        TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kiosk_site_idx ON kiosk (site_id);

CREATE TABLE account (
    id            BIGINT PRIMARY KEY,
    email         VARCHAR(320) NOT NULL UNIQUE,
    first_name    VARCHAR(100) NOT NULL,
    last_name     VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    password_hash VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE account_site (
    account_id BIGINT NOT NULL REFERENCES account (id),
    site_id    BIGINT NOT NULL REFERENCES site (id),
    PRIMARY KEY (account_id, site_id)
);
CREATE INDEX account_site_site_idx ON account_site (site_id);

CREATE TABLE account_invitation (
    token_hash VARCHAR(64) PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE api_token (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT       NOT NULL REFERENCES account (id),
    name       VARCHAR(200) NOT NULL,
    token_hash VARCHAR(64)  NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE recipient (
    id          BIGINT PRIMARY KEY,
    site_id     BIGINT       NOT NULL REFERENCES site (id),
    external_id VARCHAR(100),
    first_name  VARCHAR(100) NOT NULL,
    last_name   VARCHAR(100) NOT NULL,
    unit        VARCHAR(50)  NOT NULL,
    email       VARCHAR(320),
    phone       VARCHAR(20),
    status      VARCHAR(20)  NOT NULL,
    source      VARCHAR(20)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT recipient_external_id_uq UNIQUE (site_id, external_id)
);
CREATE INDEX recipient_name_idx ON recipient (site_id, last_name, first_name, id);
CREATE INDEX recipient_email_idx ON recipient (site_id, email);
CREATE INDEX recipient_phone_idx ON recipient (site_id, phone);

CREATE TABLE courier (
    id         BIGINT PRIMARY KEY,
    site_id    BIGINT       NOT NULL REFERENCES site (id),
    name       VARCHAR(200) NOT NULL,
    carrier    VARCHAR(100),
    email      VARCHAR(320),
    phone      VARCHAR(20),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX courier_site_idx ON courier (site_id, name);

-- A key's secret (PIN, QR token, card UID) is stored encrypted (AES-GCM) and found through
-- lookup_hash = HMAC-SHA256(hash key, site | type | value); the column is unique, so a value is
-- held by one live key at most. Spent values move to retired_key_value.
CREATE TABLE access_key (
    id           BIGINT PRIMARY KEY,
    site_id      BIGINT      NOT NULL REFERENCES site (id),
    type         VARCHAR(20) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    lookup_hash  VARCHAR(64) UNIQUE,
    secret_enc   VARCHAR(400),
    holder_kind  VARCHAR(20) NOT NULL,
    holder_id    BIGINT      NOT NULL,
    recipient_id BIGINT REFERENCES recipient (id),
    courier_id   BIGINT REFERENCES courier (id),
    account_id   BIGINT REFERENCES account (id),
    single_use   BOOLEAN     NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    used_at      TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT      NOT NULL
);
CREATE INDEX access_key_recipient_idx ON access_key (recipient_id);
CREATE INDEX access_key_courier_idx ON access_key (courier_id);
CREATE INDEX access_key_account_idx ON access_key (account_id);
CREATE INDEX access_key_expiry_idx ON access_key (expires_at);

-- Values that may not be issued again: deleted PINs for ever (reusable_after NULL),
-- used or expired one-time PINs until their quarantine ends.
CREATE TABLE retired_key_value (
    lookup_hash    VARCHAR(64) PRIMARY KEY,
    site_id        BIGINT NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reusable_after TIMESTAMP WITH TIME ZONE
);

-- Append-only: the application only ever inserts here. No personal data, only ids.
CREATE TABLE audit_event (
    id          BIGINT PRIMARY KEY,
    site_id     BIGINT,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    type        VARCHAR(40) NOT NULL,
    actor       VARCHAR(100),
    key_id      BIGINT,
    key_type    VARCHAR(20),
    holder_kind VARCHAR(20),
    holder_id   BIGINT,
    kiosk_id    BIGINT,
    detail      VARCHAR(500)
);
CREATE INDEX audit_event_site_idx ON audit_event (site_id, id);
CREATE INDEX audit_event_key_idx ON audit_event (key_id);

-- Transactional outbox: written in the transaction that creates the key; delivered later.
CREATE TABLE notification (
    id              BIGINT PRIMARY KEY,
    site_id         BIGINT,
    kind            VARCHAR(40)  NOT NULL,
    channel         VARCHAR(10)  NOT NULL,
    address         VARCHAR(320) NOT NULL,
    subject         VARCHAR(200),
    body_enc        VARCHAR(200000) NOT NULL,
    key_id          BIGINT,
    status          VARCHAR(10)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500)
);
CREATE INDEX notification_due_idx ON notification (status, next_attempt_at);
CREATE INDEX notification_site_idx ON notification (site_id, id);

CREATE TABLE pin_request (
    id           BIGINT PRIMARY KEY,
    site_id      BIGINT      NOT NULL,
    contact_hash VARCHAR(64) NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pin_request_contact_idx ON pin_request (site_id, contact_hash, requested_at);

CREATE TABLE kiosk_session_end (
    session_id VARCHAR(64) PRIMARY KEY,
    ended_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
