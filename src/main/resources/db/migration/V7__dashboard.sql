-- Dashboards (heat map, county profile, comparison) read every value of a set of reports: with
-- the value in the index, that read never touches the table (index-only scan), whatever the
-- number of counties.
create index indicator_value_report_cover_idx on indicator_value (report_id, indicator_code) include (value, source);
