-- Issue 9: what lets the dashboards answer from memory while staying live.
--
-- 1. report_data_generation: one number that moves, in the same transaction, with every change that
--    can alter a score or a ranking — a report entering or leaving SUBMITTED/APPROVED (the statuses
--    dashboards count), a value of such a report, or the catalogue (indicators, sections, targets).
--    The portal keeps computed scores and rankings keyed by this number and reads it (one row) on
--    each request, so an approval shows on the next request, from any writer (the portal, psql, the
--    bench generator, another instance). Draft saves do not move it: drafts count nowhere.
-- 2. annual_report.filled_count: how many of the year's indicators the report has a value for, kept
--    by the database on every write of a value or of an indicator's years. The status board showed
--    it by counting ~100 values per county on each request (12 of its 16 ms of SQL on 云南省).
-- 3. An index of the open findings by inspection: the status board counted them by reading every
--    finding of the country.

create table report_data_generation (
    id         smallint primary key default 1 check (id = 1),
    generation bigint   not null default 0
);
insert into report_data_generation values (1, 0);

-- Once per transaction: a transaction writing many values moves the number once, not once a row.
create function report_data_changed() returns void language plpgsql as $$
begin
    if current_setting('portal.report_data_changed', true) is distinct from 'yes' then
        update report_data_generation set generation = generation + 1 where id = 1;
        perform set_config('portal.report_data_changed', 'yes', true);
    end if;
end $$;

-- ---- annual_report.filled_count -------------------------------------------------------------

alter table annual_report add column filled_count integer not null default 0 check (filled_count >= 0);

-- The reports given recounted (here for every report, later after an indicator's years
-- changed, and by the bench generator after its load); one whose count did not change is not written.
-- (One grouped join rather than a count per report: for every report at once, as the generator
-- asks, that is one pass over the values instead of 27,000 index look-ups.)
create function annual_report_recount(report_ids bigint[]) returns void language sql as $$
    with counted as (
        select ar.id, count(i.code) as n
        from annual_report ar
        left join indicator_value iv on iv.report_id = ar.id and iv.value is not null
        left join indicator i on i.code = iv.indicator_code
             and i.first_year <= ar.year and (i.last_year is null or i.last_year >= ar.year)
        where ar.id = any (report_ids)
        group by ar.id
    )
    update annual_report ar set filled_count = c.n from counted c where ar.id = c.id and ar.filled_count <> c.n;
$$;

select annual_report_recount(array(select id from annual_report));

-- ---- a trigger on indicator_value, row by row ------------------------------------------------
-- (A statement-level trigger with transition tables cost about 0.6 ms a statement — Hibernate
-- writes a value a statement; this one two primary-key look-ups. Bulk loads such as the bench
-- generator set it aside and count once, see bench/generate.sql.)

create function indicator_value_changed() returns trigger language plpgsql as $$
declare
    row_report bigint;
    row_indicator varchar(40);
    delta integer;
    report_year integer;
    report_status varchar(10);
begin
    if tg_op = 'UPDATE' and (new.report_id <> old.report_id or new.indicator_code <> old.indicator_code) then
        raise exception 'a value stays with its report and indicator (delete it and insert another)';
    end if;
    if tg_op = 'DELETE' then
        row_report := old.report_id;
        row_indicator := old.indicator_code;
    else
        row_report := new.report_id;
        row_indicator := new.indicator_code;
    end if;
    delta := (case when tg_op <> 'DELETE' and new.value is not null then 1 else 0 end)
           - (case when tg_op <> 'INSERT' and old.value is not null then 1 else 0 end);
    select year, status into report_year, report_status from annual_report where id = row_report;
    if delta <> 0 and exists (select 1 from indicator where code = row_indicator and first_year <= report_year
                                and (last_year is null or last_year >= report_year)) then
        update annual_report set filled_count = filled_count + delta where id = row_report;
    end if;
    if report_status in ('SUBMITTED', 'APPROVED') then
        perform report_data_changed();
    end if;
    return null;
end $$;

create trigger indicator_value_changed after insert or update or delete on indicator_value
    for each row execute function indicator_value_changed();

-- ---- a report's status --------------------------------------------------------------------------

create function annual_report_status_changed() returns trigger language plpgsql as $$
begin
    if (tg_op <> 'INSERT' and old.status in ('SUBMITTED', 'APPROVED'))
       or (tg_op <> 'DELETE' and new.status in ('SUBMITTED', 'APPROVED')) then
        perform report_data_changed();
    end if;
    return null;
end $$;

create trigger annual_report_added_or_removed after insert or delete on annual_report
    for each row execute function annual_report_status_changed();
create trigger annual_report_status_changed after update of status, year, county_code on annual_report
    for each row when (old.status is distinct from new.status or old.year <> new.year
                       or old.county_code <> new.county_code)
    execute function annual_report_status_changed();

-- ---- the catalogue ----------------------------------------------------------------------------

create function catalogue_changed() returns trigger language plpgsql as $$
begin
    perform report_data_changed();
    return null;
end $$;

create trigger indicator_changed after insert or update or delete on indicator
    for each statement execute function catalogue_changed();
create trigger indicator_target_changed after insert or update or delete on indicator_target
    for each statement execute function catalogue_changed();
create trigger section_changed after insert or update or delete on section
    for each statement execute function catalogue_changed();

-- An indicator's years decide whether its values count as filled in a year.
create function indicator_years_changed() returns trigger language plpgsql as $$
begin
    perform annual_report_recount(array(
        select distinct iv.report_id from indicator_value iv
        where iv.indicator_code in (select n.code from new_rows n join old_rows o on o.code = n.code
                                    where n.first_year <> o.first_year or n.last_year is distinct from o.last_year)));
    return null;
end $$;

create trigger indicator_years_changed after update on indicator
    referencing old table as old_rows new table as new_rows for each statement execute function indicator_years_changed();

-- ---- open findings ------------------------------------------------------------------------------

create index inspection_finding_open_by_inspection_idx on inspection_finding (inspection_id) include (deadline)
    where status <> 'CLOSED';
