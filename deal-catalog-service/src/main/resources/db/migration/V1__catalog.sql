-- The catalog: each deal's latest state plus every revision, materialized from dealwire.deals.v1.
-- Everything here can be rebuilt by replaying the topic (see README, "Rebuild by replay").

CREATE TABLE deal (
    deal_id             uuid PRIMARY KEY,
    partner_id          text        NOT NULL,
    external_id         text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    revision            integer     NOT NULL CHECK (revision > 0),
    -- the last applied event and its position: redeliveries at or before it are duplicates
    last_event_id       uuid        NOT NULL,
    last_partition      integer     NOT NULL,
    last_offset         bigint      NOT NULL,
    reported_on         date        NOT NULL,
    week                text        NOT NULL,
    announced_on        date        NOT NULL,
    headline            text        NOT NULL,
    summary             text,
    deal_type           text        NOT NULL,
    stage               text        NOT NULL,
    value_amount        numeric,
    value_currency      text,
    countries           text[]      NOT NULL,
    elements            text[]      NOT NULL,
    -- party names and products, for full-text search only
    search_text         text        NOT NULL,
    -- the deal exactly as the event carried it, so answers are faithful to what partners sent
    deal                jsonb       NOT NULL,
    first_received_at   timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    search              tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english'::regconfig, headline), 'A')
                            || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
                            || setweight(to_tsvector('english'::regconfig, search_text), 'B')) STORED,
    UNIQUE (partner_id, external_id)
);

CREATE INDEX deal_reported_on_idx ON deal (reported_on DESC, value_amount DESC NULLS LAST, deal_id);
CREATE INDEX deal_week_idx ON deal (week);
CREATE INDEX deal_countries_idx ON deal USING gin (countries);
CREATE INDEX deal_elements_idx ON deal USING gin (elements);
CREATE INDEX deal_search_idx ON deal USING gin (search);

-- Pooled ids (allocation size 50) so Hibernate can batch revision inserts.
CREATE SEQUENCE deal_revision_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE deal_revision (
    id                  bigint      PRIMARY KEY,
    -- deferred: a batch may insert a deal's first revision before the deal row itself
    deal_id             uuid        NOT NULL REFERENCES deal (deal_id) DEFERRABLE INITIALLY DEFERRED,
    revision            integer     NOT NULL,
    -- not unique: submitting A, then B, then A again legitimately repeats A's id (see DealIds)
    event_id            uuid        NOT NULL,
    type                text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    received_at         timestamptz NOT NULL,
    source_partition    integer     NOT NULL,
    source_offset       bigint      NOT NULL,
    -- absent for withdrawals
    deal                jsonb,
    UNIQUE (deal_id, revision)
);

CREATE INDEX deal_revision_event_idx ON deal_revision (event_id);
