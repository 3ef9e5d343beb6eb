-- After topic compaction a withdrawn deal's only record may be its withdrawal: the catalog keeps
-- such a deal as a WITHDRAWN row with its ids and no content, so a rebuild by replay still knows it.
ALTER TABLE deal
    ALTER COLUMN reported_on DROP NOT NULL,
    ALTER COLUMN week DROP NOT NULL,
    ALTER COLUMN announced_on DROP NOT NULL,
    ALTER COLUMN headline DROP NOT NULL,
    ALTER COLUMN deal_type DROP NOT NULL,
    ALTER COLUMN stage DROP NOT NULL,
    ALTER COLUMN deal DROP NOT NULL,
    -- an active deal always has content
    ADD CONSTRAINT deal_active_has_content CHECK (status = 'WITHDRAWN' OR deal IS NOT NULL);
