-- Issue 18, measured: the view counted_value of V17 (a UNION ALL of two joins) cannot be probed a
-- report at a time — PostgreSQL cannot push a join's condition into such a union — so every query
-- that read it built the union of all values of the country (2.6 million version values, as many
-- working ones): the bench's county profile took ~1 s of SQL, the report form 2.6 s. What counts is
-- now asked of one report at a time: counted_values(report, version) is a SQL function PostgreSQL
-- inlines into the calling query (LEFT JOIN LATERAL), where each branch is one index range scan.

drop view counted_value;
drop function published_value_as_of(timestamptz);

-- A report's values as counted: those of its published version when it has one (the version
-- given), else its working values (a report without a published version: drafts and first
-- submissions for those who may count them, reports loaded as approved by SQL).
create function counted_values(report bigint, version bigint)
    returns table (indicator_code varchar, value numeric, source varchar)
    language sql stable as $$
    select vv.indicator_code, vv.value, vv.source from report_version_value vv where vv.version_id = version
    union all
    select iv.indicator_code, iv.value, iv.source from indicator_value iv
    where version is null and iv.report_id = report
$$;

-- the lookups above answered from the index alone, as indicator_value_report_cover_idx (V7) does
create index report_version_value_cover_idx on report_version_value (version_id, indicator_code) include (value, source);

-- The public ranking marks a county whose published version is being corrected (更正中).
create or replace view counted_report as
select ar.id, ar.county_code, ar.year,
       case when v.id is null then ar.status else 'APPROVED' end as status,
       coalesce(v.submitted_at, ar.submitted_at) as submitted_at,
       coalesce(v.approved_at, ar.approved_at) as approved_at,
       coalesce(v.filled_count, ar.filled_count) as filled_count,
       v.id as version_id,
       v.id is not null and ar.status <> 'APPROVED' as correcting
from annual_report ar
left join report_version v on v.id = ar.published_version_id;

-- As published at a moment (a ranking reproduced): no correction counts, none is marked.
drop function published_report_as_of(timestamptz);
create function published_report_as_of(moment timestamptz)
    returns table (id bigint, county_code varchar, year integer, status varchar, version_id bigint,
                   correcting boolean)
    language sql stable as $$
    select latest.report_id, latest.county_code, latest.year, 'APPROVED'::varchar, latest.id, false
    from (select distinct on (v.report_id) v.report_id, v.county_code, v.year, v.id
          from report_version v where v.approved_at <= moment
          order by v.report_id, v.number desc) latest
    union all
    select ar.id, ar.county_code, ar.year, 'APPROVED'::varchar, null::bigint, false
    from annual_report ar
    where ar.published_version_id is null and ar.status = 'APPROVED' and ar.approved_at <= moment
$$;
