-- The digest's own copy of the deals: what an issue needs, nothing the catalog owns.
CREATE TABLE deal (
    deal_id       UUID PRIMARY KEY,
    partner_id    TEXT        NOT NULL,
    external_id   TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    last_event_id UUID        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    reported_on   DATE,
    content       JSONB,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX deal_candidates ON deal (reported_on) WHERE status = 'ACTIVE';

CREATE TABLE subscriber (
    id              BIGSERIAL PRIMARY KEY,
    email           TEXT        NOT NULL UNIQUE,
    name            TEXT,
    stages          TEXT,
    countries       TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    created_at      TIMESTAMPTZ NOT NULL,
    confirmed_at    TIMESTAMPTZ,
    unsubscribed_at TIMESTAMPTZ
);

-- Only SHA-256 hashes of tokens are stored: a leaked table confirms or unsubscribes nobody.
CREATE TABLE subscriber_token (
    token_hash    TEXT PRIMARY KEY,
    subscriber_id BIGINT      NOT NULL REFERENCES subscriber (id),
    purpose       TEXT        NOT NULL CHECK (purpose IN ('CONFIRM', 'UNSUBSCRIBE')),
    -- preferences asked for with a CONFIRM token; applied only once the mailbox owner confirms
    name          TEXT,
    stages        TEXT,
    countries     TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ,
    used_at       TIMESTAMPTZ
);
CREATE INDEX subscriber_token_subscriber ON subscriber_token (subscriber_id);

CREATE TABLE issue (
    week                 TEXT PRIMARY KEY,
    subject              TEXT        NOT NULL,
    deal_count           INT         NOT NULL,
    disclosed_value      JSONB       NOT NULL,
    recipients           INT         NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('SENDING', 'SENT')),
    frozen_at            TIMESTAMPTZ NOT NULL,
    completed_at         TIMESTAMPTZ,
    summary_published_at TIMESTAMPTZ
);

-- deal_id is the primary key: a deal is in exactly one issue. content is the deal as frozen.
CREATE TABLE issue_deal (
    deal_id UUID PRIMARY KEY REFERENCES deal (deal_id),
    week    TEXT  NOT NULL REFERENCES issue (week),
    content JSONB NOT NULL
);
CREATE INDEX issue_deal_week ON issue_deal (week);

-- The send ledger: one row per (issue, subscriber), written when the issue is frozen.
CREATE TABLE delivery (
    week          TEXT        NOT NULL REFERENCES issue (week),
    subscriber_id BIGINT      NOT NULL REFERENCES subscriber (id),
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    TEXT,
    message_id    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ,
    PRIMARY KEY (week, subscriber_id)
);
CREATE INDEX delivery_open ON delivery (week, subscriber_id) WHERE status IN ('PENDING', 'SENDING');
