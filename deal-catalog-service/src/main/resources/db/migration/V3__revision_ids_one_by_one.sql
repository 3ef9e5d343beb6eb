-- Revision rows are written with plain JDBC, each INSERT taking nextval() for its row: no pooled
-- blocks of 50 any more. Continue past every id a block handed out before.
SELECT setval('deal_revision_seq', (SELECT last_value FROM deal_revision_seq) + 50, true);
ALTER SEQUENCE deal_revision_seq INCREMENT BY 1;
