-- Where each deal's last applied event was read (partition, offset): a redelivery at or below it is
-- dropped, so a replay after a rebalance or crash never brings back an older state of the deal.
-- Rows applied before this migration have no position; their next event sets it.
ALTER TABLE deal ADD COLUMN last_partition INT;
ALTER TABLE deal ADD COLUMN last_offset BIGINT;
