-- National-scale bench data: every county-level unit of GB/T 2260 reports 2015–2024.
--
-- Run by bench/generate.sh against a portal database that Flyway has migrated and the demo
-- profile has seeded: the seed counties' published figures (demo/seed-figures.csv) are the
-- magnitudes the generated values are drawn around. Everything is computed in PostgreSQL with
-- set-based INSERT … SELECT (no round trips), in one transaction; re-running it first removes what
-- an earlier run generated (accounts named bench-*, reports of other counties than the seed ones).
--
-- Shape of the data:
--   reports    every county × year; 2015–2023 mostly APPROVED (a few missing, a few RETURNED),
--              2024 a deadline-season mix of none, DRAFT, SUBMITTED, RETURNED and APPROVED
--   values     every indicator valid in the year, 8 % left blank (40 % in a draft); counts and
--              amounts are the seed median × a county size (log-normal, fixed per county) × a yearly
--              trend × noise; a computed rate's numerator is a share of its denominator (level by
--              level: a numerator may be another rate's denominator) and the rate follows from them
--              (null on a zero denominator, as the portal stores it)
--   accounts   a clerk per county, a reviewer per province and per prefecture and one for the
--              country, password bench-pass-2026, no forced change
--   inspections  about one county in five per year, with one to three findings each
--
-- Speed: the 2.6 million values are the load. They are computed into a temporary table (no WAL),
-- then written to indicator_value in one INSERT while that table's indexes and foreign keys are set
-- aside; both are rebuilt from their own definitions (read from the catalogue, so a later
-- migration's index comes back too) before the commit, which re-checks every foreign key and
-- uniqueness in one pass each instead of once per row.
\set ON_ERROR_STOP on
\timing on
set work_mem = '256MB';
set maintenance_work_mem = '1GB';
set max_parallel_maintenance_workers = 2;
begin;

select setseed(0.2026);

-- the triggers of migration V10 (filled counts, the dashboards' generation) work a statement at a
-- time; for 2.8 million rows both are done once at the end instead
alter table indicator_value disable trigger user;
alter table annual_report disable trigger user;

-- ---- set indicator_value's indexes and foreign keys aside (their definitions are kept to rebuild them)
create temporary table set_aside on commit drop as
select 1 as step, 'alter table indicator_value add constraint ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid) as rebuild,
       'alter table indicator_value drop constraint ' || quote_ident(conname) as remove
from pg_constraint where conrelid = 'indicator_value'::regclass and contype in ('p', 'u')
union all
select 2, 'alter table indicator_value add constraint ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid),
       'alter table indicator_value drop constraint ' || quote_ident(conname)
from pg_constraint where conrelid = 'indicator_value'::regclass and contype = 'f'
union all
select 3, pg_get_indexdef(x.indexrelid), 'drop index ' || x.indexrelid::regclass::text
from pg_index x where x.indrelid = 'indicator_value'::regclass
  and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid);

do $$
declare s record;
begin
    for s in select remove from set_aside order by step desc loop
        execute s.remove;
    end loop;
end $$;

-- ---- what an earlier run left (values first: their cascade from the reports is set aside)
delete from indicator_value v using annual_report r
where v.report_id = r.id and r.county_code not in ('532527', '530621', '530524', '410324', '150204')
  and r.year between 2015 and 2024;
delete from inspection where created_by in (select id from account where username like 'bench-%');
delete from annual_report r where r.county_code not in ('532527', '530621', '530524', '410324', '150204')
    and r.year between 2015 and 2024;
delete from account where username like 'bench-%';

-- ---- magnitudes: the median of what the seed counties published, by indicator
create temporary table typical on commit drop as
select i.code, i.kind, i.numerator_code, i.denominator_code, i.first_year, coalesce(i.last_year, 9999) as last_year,
       coalesce((select percentile_cont(0.5) within group (order by v.value)
                 from indicator_value v where v.indicator_code = i.code and v.value is not null),
                case i.kind when 'RATE' then 92 when 'AMOUNT' then 150 else 24 end) as median,
       exists (select 1 from indicator r where r.numerator_code = i.code) as is_numerator
from indicator i;

-- share of a rate's numerator in its denominator, from the seed where both parts are known; depth
-- orders the numerators so that a numerator's denominator is drawn before it
create temporary table rate_share on commit drop as
with recursive parts as (
    select r.code as rate_code, r.numerator_code, r.denominator_code
    from indicator r where r.numerator_code is not null
), depth (numerator_code, depth) as (
    select p.numerator_code, 1 from parts p
    where not exists (select 1 from parts q where q.numerator_code = p.denominator_code)
    union all
    select p.numerator_code, d.depth + 1 from parts p join depth d on d.numerator_code = p.denominator_code
)
select p.rate_code, p.numerator_code, p.denominator_code,
       (select max(depth) from depth d where d.numerator_code = p.numerator_code) as depth,
       least(1.0, greatest(0.05, coalesce((select avg(n.value / nullif(d.value, 0))
            from indicator_value n join indicator_value d on d.report_id = n.report_id
            where n.indicator_code = p.numerator_code and d.indicator_code = p.denominator_code
              and d.value > 0), 0.9))) as share,
       -- a numerator shared by two rates is drawn once, from the first rate's denominator
       row_number() over (partition by p.numerator_code order by p.rate_code) = 1 as draws
from parts p;

-- each county's size, fixed across years: log-normal around 1
create temporary table county_size on commit drop as
select code, exp(0.6 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) as size
from region where level = 'COUNTY';

-- ---- reports
create temporary table gen_report (id bigint, year int, status text, size float8) on commit drop;
with made as (
    insert into annual_report (county_code, year, status, measures_text, problems_text, next_year_plan_text,
            leaders_duty_text, submission_deadline, submitted_at, reviewed_at, approved_at, published_on,
            review_comment, created_at, updated_at)
    select c.code, c.year, s.status,
           '（生成数据）全面推进法治政府建设。', '（生成数据）基层执法力量不足。', '（生成数据）加强培训。', '（生成数据）主要负责人述法。',
           make_date(c.year + 1, 3, 1),
           case when s.status <> 'DRAFT' then make_date(c.year + 1, 2, 1) + (c.draw * 1000)::int % 40 * interval '1 day' end,
           case when s.status in ('APPROVED', 'RETURNED') then make_date(c.year + 1, 3, 15)::timestamptz end,
           case when s.status = 'APPROVED' then make_date(c.year + 1, 3, 20)::timestamptz end,
           case when s.status = 'APPROVED' then make_date(c.year + 1, 3, 20) end,
           case when s.status = 'RETURNED' then '请核对执法数据并补充说明。' end,
           make_date(c.year + 1, 1, 5)::timestamptz, make_date(c.year + 1, 1, 20)::timestamptz
    from (select c.code, c.name, y.year, random() as draw
          from region c cross join generate_series(2015, 2024) as y(year)
          where c.level = 'COUNTY' and c.code not in ('532527', '530621', '530524', '410324', '150204')) c
    cross join lateral (select case
            when c.year < 2024 then case when c.draw < 0.03 then null when c.draw < 0.05 then 'RETURNED' else 'APPROVED' end
            else case when c.draw < 0.10 then null when c.draw < 0.30 then 'DRAFT' when c.draw < 0.55 then 'SUBMITTED'
                      when c.draw < 0.60 then 'RETURNED' else 'APPROVED' end
            end as status) s
    where s.status is not null
      and not exists (select 1 from annual_report r where r.county_code = c.code and r.year = c.year)
    returning id, county_code, year, status
)
insert into gen_report select m.id, m.year, m.status, cs.size from made m join county_size cs on cs.code = m.county_code;

-- ---- values, into a temporary table first: counts, amounts and typed rates (all but the parts'
-- numerators and the computed rates)
create temporary table gen (report_id bigint, year int, code varchar(40), kind varchar(10), value numeric(20, 4),
        source varchar(8)) on commit drop;
insert into gen
select x.id, x.year, x.code, x.kind,
       case x.kind
           when 'RATE' then least(100, greatest(0, round((x.median + 6 * (x.noise - 0.5))::numeric, 1)))
           when 'AMOUNT' then round((x.median * x.size * (1 + 0.04 * (x.year - 2019)) * (0.7 + 0.6 * x.noise))::numeric, 2)
           else round((x.median * x.size * (1 + 0.04 * (x.year - 2019)) * (0.7 + 0.6 * x.noise))::numeric)
       end,
       'TYPED'
-- one draw per value decides both the blanks (below the blank share) and, rescaled, the noise
from (select y.*, (y.draw - y.blank) / (1 - y.blank) as noise
      from (select r.id, r.year, r.size, t.code, t.kind, t.median,
                   case when r.status = 'DRAFT' then 0.40 else 0.08 end as blank, random() as draw
            from gen_report r
            join typical t on r.year between t.first_year and t.last_year
                          and t.numerator_code is null and not t.is_numerator) y) x
where x.draw >= x.blank;

-- numerators: a share of their denominator (blank when the denominator is), level by level
do $$
declare level int;
begin
    for level in select distinct depth from rate_share order by depth loop
        insert into gen
        select g.report_id, g.year, rs.numerator_code, t.kind,
               case when t.kind = 'COUNT' then floor(g.value * least(1, rs.share * (0.9 + 0.2 * random())::numeric))
                    else round(g.value * least(1, rs.share * (0.9 + 0.2 * random())::numeric), 2) end,
               'TYPED'
        from rate_share rs
        join gen g on g.code = rs.denominator_code
        join typical t on t.code = rs.numerator_code and g.year between t.first_year and t.last_year
        where rs.depth = level and rs.draws;
    end loop;
end $$;
analyze gen;

-- computed rates follow from their parts, null for a zero denominator ("不适用")
insert into gen
select n.report_id, n.year, rs.rate_code, 'RATE',
       case when d.value = 0 then null else round(100 * n.value / d.value, 4) end, 'COMPUTED'
from rate_share rs
join typical t on t.code = rs.rate_code
join gen n on n.code = rs.numerator_code and n.year between t.first_year and t.last_year
join gen d on d.report_id = n.report_id and d.code = rs.denominator_code;

insert into indicator_value (report_id, indicator_code, kind, value, source, updated_at)
select report_id, code, kind, value, source, make_date(year + 1, 1, 20)::timestamptz from gen;

-- ---- indicator_value's keys, foreign keys (each checked in one pass) and indexes back
do $$
declare s record;
begin
    for s in select rebuild from set_aside order by step loop
        execute s.rebuild;
    end loop;
end $$;

-- ---- what V10's triggers would have kept: each report's filled count, and a new generation
select annual_report_recount(array(select id from annual_report));
alter table indicator_value enable trigger user;
alter table annual_report enable trigger user;

-- ---- every approved report published as its version 1, as the portal's approval does (migration V17):
-- the dashboards read the published versions
insert into report_submission (report_id, submitted_at, submitted_by)
select id, submitted_at, submitted_by from annual_report r
where submitted_at is not null and not exists (select 1 from report_submission s where s.report_id = r.id);
insert into report_version (report_id, number, county_code, year, measures_text, problems_text,
                            next_year_plan_text, leaders_duty_text, submitted_at, submitted_by, approved_at,
                            approved_by, catalogue_year, catalogue_edition, filled_count)
select id, 1, county_code, year, measures_text, problems_text, next_year_plan_text, leaders_duty_text,
       coalesce(submitted_at, approved_at), submitted_by, approved_at, approved_by, year, 'bench', filled_count
from annual_report where status = 'APPROVED' and published_version_id is null;
insert into report_version_value (version_id, indicator_code, value, source)
select v.id, iv.indicator_code, iv.value, iv.source
from report_version v join indicator_value iv on iv.report_id = v.report_id
where v.catalogue_edition = 'bench';
update annual_report ar set published_version_id = v.id
from report_version v where v.report_id = ar.id and v.catalogue_edition = 'bench' and ar.published_version_id is null;
select report_data_changed();

-- ---- accounts: one hash for all (bcrypt through pgcrypto, as Spring Security's {bcrypt} reads it)
create extension if not exists pgcrypto;
create temporary table bench_password on commit drop as
select '{bcrypt}' || crypt('bench-pass-2026', gen_salt('bf', 10)) as hash;
drop extension pgcrypto;

insert into account (username, display_name, password_hash, role, scope_region_code, scope_level, must_change_password)
select 'bench-clerk-' || c.code, c.name || '司法局（压测）', p.hash, 'COUNTY_STAFF', c.code, 'COUNTY', false
from region c cross join bench_password p where c.level = 'COUNTY';
insert into account (username, display_name, password_hash, role, scope_region_code, scope_level, must_change_password)
select 'bench-reviewer-' || r.code, r.name || '（压测审核员）', p.hash, 'REVIEWER', r.code, r.level, false
from region r cross join bench_password p where r.level in ('PROVINCE', 'PREFECTURE');
insert into account (username, display_name, password_hash, role, must_change_password)
select 'bench-reviewer-national', '全国（压测审核员）', p.hash, 'REVIEWER', false from bench_password p;

-- ---- inspections and their findings
insert into inspection (county_code, year, kind, started_on, ended_on, inspecting_body, summary, created_by)
select c.code, y.year,
       (array['COMPREHENSIVE', 'SPECIAL', 'CASE_FILE_REVIEW', 'ON_SITE', 'UNANNOUNCED'])[1 + floor(d.draw * 25)::int % 5],
       make_date(y.year, 6, 1) + (d.draw * 600)::int, null, '省全面依法治省委员会办公室', '（生成数据）督察发现问题并要求整改。',
       a.id
from region c cross join generate_series(2015, 2024) as y(year)
cross join lateral (select random() * 0.2 as draw) d
join account a on a.username = 'bench-reviewer-' || c.province_code
where c.level = 'COUNTY' and random() < 0.2;

insert into inspection_finding (inspection_id, description, severity, section_code, deadline, status,
        rectification_reply, rectified_on, replied_at, accepted_at)
select i.id, '（生成数据）问题 ' || n, (array['MINOR', 'MODERATE', 'SEVERE'])[1 + floor(random() * 3)::int],
       (array['LEADERSHIP', 'FUNCTIONS', 'RULES', 'DECISIONS', 'ENFORCEMENT', 'EMERGENCY', 'DISPUTES', 'OVERSIGHT',
               'DIGITAL', 'CAPACITY'])[1 + floor(random() * 10)::int],
       i.started_on + 90,
       s.status,
       case when s.status <> 'OPEN' then '（生成数据）已整改。' end,
       case when s.status <> 'OPEN' then i.started_on + 60 end,
       case when s.status <> 'OPEN' then (i.started_on + 60)::timestamptz end,
       case when s.status = 'CLOSED' then (i.started_on + 80)::timestamptz end
from inspection i
cross join generate_series(1, 3) as n
cross join lateral (select case when i.year < 2024 or random() < 0.4 then 'CLOSED'
                               when random() < 0.5 then 'RECTIFYING' else 'OPEN' end as status) s
where i.created_by in (select id from account where username like 'bench-%') and n <= 1 + floor(random() * 3);

commit;

-- the visibility map lets the dashboards' covering indexes answer without the table (index-only
-- scans) from the first request, rather than whenever autovacuum gets to the new rows
vacuum (analyze) indicator_value;
vacuum (analyze) report_version_value;
analyze;

select (select count(*) from annual_report) as reports, (select count(*) from indicator_value) as "values",
       (select count(*) from account) as accounts, (select count(*) from inspection_finding) as findings;
