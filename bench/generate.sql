-- National-scale bench data: every county-level unit of GB/T 2260 reports 2015–2024.
--
-- Run by bench/generate.sh against a portal database that Flyway has migrated and the demo
-- profile has seeded: the seed counties' published figures (demo/seed-figures.csv) are the
-- magnitudes the generated values are drawn around. Everything is computed in PostgreSQL with
-- INSERT … SELECT (no round trips), in one transaction; re-running it first removes what an
-- earlier run generated (accounts named bench-*, reports of other counties than the seed ones).
--
-- Shape of the data:
--   reports    every county × year; 2015–2023 mostly APPROVED (a few missing, a few RETURNED),
--              2024 a deadline-season mix of none, DRAFT, SUBMITTED, RETURNED and APPROVED
--   values     every indicator valid in the year, 8 % left blank; counts and amounts are the
--              seed median × a county size (log-normal, fixed per county) × a yearly trend ×
--              noise; a computed rate's numerator is a share of its denominator and the rate
--              follows from them (null on a zero denominator, as the portal stores it)
--   accounts   a clerk per county, a reviewer per province and per prefecture, password
--              bench-pass-2026, no forced change
--   inspections  about one county in five per year, with one to three findings each
\set ON_ERROR_STOP on
begin;

select setseed(0.2026);

-- ---- what an earlier run left
delete from inspection where created_by in (select id from account where username like 'bench-%');
delete from annual_report r where r.county_code not in ('532527', '530621', '530524', '410324', '150204')
    and r.year between 2015 and 2024;
delete from account where username like 'bench-%';

-- ---- magnitudes: the median of what the seed counties published, by indicator
create temporary table typical on commit drop as
select i.code, i.kind, i.numerator_code, i.denominator_code, i.first_year, i.last_year,
       coalesce((select percentile_cont(0.5) within group (order by v.value)
                 from indicator_value v where v.indicator_code = i.code and v.value is not null),
                case i.kind when 'RATE' then 92 when 'AMOUNT' then 150 else 24 end) as median
from indicator i;

-- share of a rate's numerator in its denominator, from the seed where both parts are known
create temporary table rate_share on commit drop as
select r.code as rate_code, r.numerator_code, r.denominator_code,
       least(1.0, greatest(0.05, coalesce((select avg(n.value / nullif(d.value, 0))
            from indicator_value n join indicator_value d on d.report_id = n.report_id
            where n.indicator_code = r.numerator_code and d.indicator_code = r.denominator_code
              and d.value > 0), 0.9))) as share
from indicator r where r.numerator_code is not null;

-- each county's size, fixed across years: log-normal around 1
create temporary table county_size on commit drop as
select code, exp(0.6 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) as size
from region where level = 'COUNTY';

-- ---- reports
insert into annual_report (county_code, year, status, measures_text, problems_text, next_year_plan_text,
        leaders_duty_text, submission_deadline, submitted_at, reviewed_at, approved_at, published_on,
        review_comment, created_at, updated_at)
select c.code, y.year, s.status,
       '（生成数据）全面推进法治政府建设。', '（生成数据）基层执法力量不足。', '（生成数据）加强培训。', '（生成数据）主要负责人述法。',
       make_date(y.year + 1, 3, 1),
       case when s.status <> 'DRAFT' then make_date(y.year + 1, 2, 1) + (random() * 40)::int * interval '1 day' end,
       case when s.status in ('APPROVED', 'RETURNED') then make_date(y.year + 1, 3, 15)::timestamptz end,
       case when s.status = 'APPROVED' then make_date(y.year + 1, 3, 20)::timestamptz end,
       case when s.status = 'APPROVED' then make_date(y.year + 1, 3, 20) end,
       case when s.status = 'RETURNED' then '请核对执法数据并补充说明。' end,
       make_date(y.year + 1, 1, 5)::timestamptz, make_date(y.year + 1, 1, 20)::timestamptz
from region c
cross join generate_series(2015, 2024) as y(year)
cross join lateral (select random() as draw) d
cross join lateral (select case
        when y.year < 2024 then case when d.draw < 0.03 then null when d.draw < 0.05 then 'RETURNED' else 'APPROVED' end
        else case when d.draw < 0.10 then null when d.draw < 0.30 then 'DRAFT' when d.draw < 0.55 then 'SUBMITTED'
                  when d.draw < 0.60 then 'RETURNED' else 'APPROVED' end
        end as status) s
where c.level = 'COUNTY' and s.status is not null
  and not exists (select 1 from annual_report r where r.county_code = c.code and r.year = y.year);

-- ---- values: counts, amounts and typed rates (everything but a computed rate and its numerator)
create temporary table generated on commit drop as
select r.id as report_id, t.code, t.kind,
       case t.kind
           when 'RATE' then least(100, greatest(0, round((t.median + 6 * (random() - 0.5))::numeric, 1)))
           when 'AMOUNT' then round((t.median * cs.size * (1 + 0.04 * (r.year - 2019)) * (0.7 + 0.6 * random()))::numeric, 2)
           else round((t.median * cs.size * (1 + 0.04 * (r.year - 2019)) * (0.7 + 0.6 * random()))::numeric)
       end::numeric(20, 4) as value
from annual_report r
join county_size cs on cs.code = r.county_code
join typical t on t.first_year <= r.year and (t.last_year is null or t.last_year >= r.year)
where r.county_code not in ('532527', '530621', '530524', '410324', '150204')
  and t.numerator_code is null
  and t.code not in (select numerator_code from rate_share)
  and random() >= 0.08;

-- numerators: a share of their denominator (blank when the denominator is)
insert into generated (report_id, code, kind, value)
select g.report_id, rs.numerator_code, t.kind,
       case when t.kind = 'COUNT' then floor(g.value * least(1, rs.share * (0.9 + 0.2 * random())::numeric))
            else round(g.value * least(1, rs.share * (0.9 + 0.2 * random())::numeric), 2) end
from generated g
join rate_share rs on rs.denominator_code = g.code
join typical t on t.code = rs.numerator_code
where not exists (select 1 from generated o where o.report_id = g.report_id and o.code = rs.numerator_code);

insert into indicator_value (report_id, indicator_code, kind, value, source, updated_at)
select report_id, code, kind, value, 'TYPED', now() from generated;

-- computed rates follow from their parts, null for a zero denominator ("不适用")
insert into indicator_value (report_id, indicator_code, kind, value, source, updated_at)
select n.report_id, rs.rate_code, 'RATE',
       case when d.value = 0 then null else round(100 * n.value / d.value, 4) end, 'COMPUTED', now()
from rate_share rs
join generated n on n.code = rs.numerator_code
join generated d on d.report_id = n.report_id and d.code = rs.denominator_code
join annual_report r on r.id = n.report_id
join typical t on t.code = rs.rate_code and t.first_year <= r.year and (t.last_year is null or t.last_year >= r.year);

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
       (array['COMPREHENSIVE', 'SPECIAL', 'CASE_FILE_REVIEW', 'ON_SITE', 'UNANNOUNCED'])[1 + floor(random() * 5)::int],
       make_date(y.year, 6, 1) + (random() * 120)::int, null, '省全面依法治省委员会办公室', '（生成数据）督察发现问题并要求整改。',
       (select id from account where username = 'bench-reviewer-' || c.province_code)
from region c cross join generate_series(2015, 2024) as y(year)
where c.level = 'COUNTY' and random() < 0.2;

insert into inspection_finding (inspection_id, description, severity, section_code, deadline, status,
        rectification_reply, replied_at, accepted_at)
select i.id, '（生成数据）问题 ' || n, (array['MINOR', 'MODERATE', 'SEVERE'])[1 + floor(random() * 3)::int],
       sec.code, i.started_on + 90,
       s.status,
       case when s.status <> 'OPEN' then '（生成数据）已整改。' end,
       case when s.status <> 'OPEN' then (i.started_on + 60)::timestamptz end,
       case when s.status = 'CLOSED' then (i.started_on + 80)::timestamptz end
from inspection i
cross join generate_series(1, 3) as n
cross join lateral (select code from section where n > 0 order by random() limit 1) sec
cross join lateral (select case when i.year < 2024 or random() < 0.4 then 'CLOSED'
                               when random() < 0.5 then 'RECTIFYING' else 'OPEN' end as status) s
where i.created_by in (select id from account where username like 'bench-%') and n <= 1 + floor(random() * 3);

commit;
analyze;

select (select count(*) from annual_report) as reports, (select count(*) from indicator_value) as "values",
       (select count(*) from account) as accounts, (select count(*) from inspection_finding) as findings;
