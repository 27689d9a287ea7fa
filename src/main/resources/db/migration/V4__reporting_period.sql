-- The submission deadline of a reporting year, when an administrator sets one; otherwise the
-- law's 1 March of the next year applies. Each report keeps its own copy (annual_report.submission_deadline),
-- which setting a period updates for every report of that year.
create table reporting_period (
    year                integer primary key check (year between 2000 and 2100),
    submission_deadline date    not null,
    check (submission_deadline > make_date(year, 12, 31))
);
