-- The editorial edition of a week: the editor's fields (JSON, as saved through the API or the desk),
-- a version for optimistic concurrency (If-Match), and DRAFT -> APPROVED -> SENT.
CREATE TABLE edition (
    week       TEXT PRIMARY KEY,
    status     TEXT        NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'SENT')),
    version    INT         NOT NULL,
    editor     JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL
);

-- Every saved version, with who and when: edits and approvals alike.
CREATE TABLE edition_revision (
    week     TEXT        NOT NULL REFERENCES edition (week),
    version  INT         NOT NULL,
    status   TEXT        NOT NULL,
    editor   JSONB       NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL,
    saved_by TEXT        NOT NULL,
    PRIMARY KEY (week, version)
);

-- Deals an editor took out of a week: in no issue while listed here (the issue rule skips them).
-- deal_id is the key: a deal is excluded by one week at most; after that week is sent it stays out.
CREATE TABLE excluded_deal (
    deal_id UUID PRIMARY KEY REFERENCES deal (deal_id),
    week    TEXT NOT NULL REFERENCES edition (week)
);
CREATE INDEX excluded_deal_week ON excluded_deal (week);

-- The editor's fields an issue was frozen with (null: the automatic edition), so the archive, the
-- feed and a send resumed after a crash show exactly what was approved.
ALTER TABLE issue ADD COLUMN editor JSONB;
