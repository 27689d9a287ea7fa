-- Issue 19: the dashboards read what the region, catalog and report modules publish for them, not
-- those modules' tables. Each view below is its owning module's public read contract for the
-- dashboards (the dashboard module's SQL names only these views, the report module's view
-- counted_report and its functions counted_values and published_report_as_of — V17, V19; the test
-- DashboardSqlBoundaryTests fails when it names anything else). The owner may change its tables as
-- it likes as long as it keeps these views answering the same columns.
--
-- Each is a plain view over one table, with no aggregate, DISTINCT, LIMIT or function of its own:
-- PostgreSQL inlines such a view into the calling query, so every dashboard query is planned exactly
-- as when it named the tables (same index look-ups; checked with EXPLAIN, see the issue's notes).

-- ---- owned by the region module ----------------------------------------------------------------

-- Every region (province, prefecture, county) with its place in the tree.
create view region_area as
select code, name, level, parent_code, province_code, prefecture_code
from region;

-- Resident population per region and census or statistics year (a county may have several years;
-- the reader takes the latest). A region without a row has no population, never 0.
create view region_population_figure as
select region_code, census_year, population, source
from region_population;

-- ---- owned by the catalog module -----------------------------------------------------------------

-- The catalogue's indicators as the dashboards use them: the years an indicator is valid
-- (first_year to last_year, open when null), its place, direction and per-capita flag.
create view catalog_indicator as
select code, section_code, position, kind, direction, per_capita, first_year, last_year
from indicator;

-- The coverage threshold an administrator set for a year (a year without a row uses the default).
create view catalog_scoring_setting as
select year, coverage_threshold
from scoring_setting;

-- ---- owned by the report module ------------------------------------------------------------------

-- The number that moves with every change that can move a score or a rank (V10): one row.
create view report_generation as
select generation
from report_data_generation
where id = 1;

-- The deadlines an administrator set for a reporting year (without a row: 1 March and 1 April of
-- the next year).
create view report_deadline as
select year, submission_deadline, publication_deadline
from reporting_period;

-- Where each county's report of a year stands now (its working copy, not its published version:
-- the status board shows the work in progress), with its own submission deadline (an extension)
-- and its recorded publication date.
create view report_progress as
select id, county_code, year, status, filled_count, submitted_at, submission_deadline, publication_date
from annual_report;
