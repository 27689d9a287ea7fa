-- Issue 18, point 4: the record of a report's publication (公开) and the 1 April deadline.
--
-- The law asks each county to publish its report by 1 April of the next year. The clerk (or a
-- reviewer) records where and when it was published: on the county government's website (the date
-- and the address), or on this portal (the portal's public page is the publication, dated the day
-- the report was approved, China time). annual_report.published_on stays what the approval sets:
-- the day the portal made the report public; the record below is separate, because approval alone
-- does not fulfil the county's duty and a correction must not move the recorded date.
--
-- The record outlives a correction: reopening never touches these columns. "Not before the
-- approval" cannot be a check of this table (a re-approval moves approved_at), so the service
-- checks it; the table refuses what is never right.
alter table annual_report
    add column publication_date        date,
    add column publication_url         varchar(500),
    add column publication_on_portal   boolean,
    add column publication_recorded_at timestamptz,
    add column publication_recorded_by bigint references account (id),
    -- all or nothing; on the portal exactly when there is no address
    add constraint annual_report_publication_whole check (
        (publication_date is null and publication_url is null and publication_on_portal is null
             and publication_recorded_at is null and publication_recorded_by is null)
        or (publication_date is not null and publication_on_portal is not null
             and publication_recorded_at is not null and publication_recorded_by is not null
             and publication_on_portal = (publication_url is null))),
    -- an address of the web by its form only: http(s), a host without user part, no white space
    add constraint annual_report_publication_url_form check (
        publication_url is null
        or (length(publication_url) <= 500
            and publication_url ~* '^https?://[^/?#@[:space:]]+([/?#][^[:space:]]*)?$')),
    -- a report is published after the year it reports on, and only once it was sent in
    add constraint annual_report_publication_after_year check (
        publication_date is null or publication_date > make_date(year, 12, 31)),
    add constraint annual_report_publication_after_submission check (
        publication_date is null or submitted_at is not null);

-- the home page's latest publications
create index annual_report_publication_idx on annual_report (publication_date desc, publication_recorded_at desc)
    where publication_date is not null;

-- The publication deadline of a year when an administrator sets one (else 1 April of the next year).
alter table reporting_period
    add column publication_deadline date,
    add constraint reporting_period_publication_after_year check (
        publication_deadline is null or publication_deadline > make_date(year, 12, 31));
