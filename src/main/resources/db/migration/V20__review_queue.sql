-- The review queue (issue 19) lists a reviewer's reports by status, the oldest submission first, a
-- page at a time: by default the submitted ones of any year, which annual_report_year_status_idx
-- (year first) cannot find without a year. This index reads the submitted reports in the queue's
-- order (the county codes of a province's or prefecture's reviewer are checked in the index), so
-- that a page of 50 reads about 50 rows rather than sorting the country's (measured on the bench
-- data: 687 submitted reports, 3-4 ms for the national reviewer's first page on a loaded machine).
create index annual_report_queue_idx on annual_report (status, submitted_at, county_code);
