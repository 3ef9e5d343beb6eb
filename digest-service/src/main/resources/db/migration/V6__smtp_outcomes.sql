-- SMTP outcomes (docs/reliability.md, "SMTP outcomes"): a softly refused message is set aside until
-- next_attempt_at; a message lost after its final dot is OUTCOME_UNKNOWN (never resent); a recipient
-- refused for good is BOUNCED and gets nothing until they subscribe again.
ALTER TABLE delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'OUTCOME_UNKNOWN'));
ALTER TABLE delivery ADD COLUMN next_attempt_at TIMESTAMPTZ;

ALTER TABLE subscriber DROP CONSTRAINT subscriber_status_check;
ALTER TABLE subscriber ADD CONSTRAINT subscriber_status_check
    CHECK (status IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED', 'BOUNCED'));
ALTER TABLE subscriber ADD COLUMN bounced_at TIMESTAMPTZ;
ALTER TABLE subscriber ADD COLUMN bounce_reason TEXT;
-- issues in a row whose mail failed softly until the attempts ran out; 3 make the subscriber BOUNCED
ALTER TABLE subscriber ADD COLUMN soft_failed_issues INT NOT NULL DEFAULT 0;
