-- Issue 9: one indicator's values across all reports with their source, for the national ranking.
-- The ranking needs each value's source (a computed rate without a value is "不适用"); with the source
-- in this index it reads one indicator's ~27,000 values in one index-only scan and a hash join,
-- rather than probing the per-report index once for each of ~3,800 reports (EXPLAIN ANALYZE on the
-- bench data: ~100 ms → ~55 ms). It replaces the V1 index on the same columns without the source.
drop index indicator_value_indicator_idx;
create index indicator_value_indicator_idx on indicator_value (indicator_code, report_id) include (value, source);
