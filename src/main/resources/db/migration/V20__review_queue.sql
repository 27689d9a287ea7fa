-- The review queue (issue 19) lists a reviewer's reports by status, the oldest submission first, a
-- page at a time: by default the submitted ones of any year, which annual_report_year_status_idx
-- (year first) cannot find without a year. This index reads a national reviewer's first page of
-- submitted reports in order, without sorting the country's; a province's or prefecture's counties
-- are found through the unique (county_code, year) index.
create index annual_report_queue_idx on annual_report (status, submitted_at, county_code);
