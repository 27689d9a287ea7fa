-- issue 19: which custom figure (其他数据) a value was promoted from, kept as data. A value's history
-- goes on from the figure's; it used to be found by reading the audit log's JSON back, which no
-- module should parse to recover business data. Written by the promotion (report/ReportCustomFigures).
-- The figure itself is gone once promoted (it became the value), so its id refers to nothing here.
create table custom_figure_promotion (
    custom_figure_id bigint      primary key,
    report_id        bigint      not null references annual_report (id) on delete cascade,
    indicator_code   varchar(40) not null,
    promoted_at      timestamptz not null
);

create index custom_figure_promotion_value_idx on custom_figure_promotion (report_id, indicator_code);

-- The promotions made before: once, from the audit log, whose VALUE_PROMOTED events name the value
-- as "REPORT_ID/INDICATOR_CODE" and the figure in their before state ({"customFigure": ID, ...}).
insert into custom_figure_promotion (custom_figure_id, report_id, indicator_code, promoted_at)
select distinct on (figure) figure, report, indicator, occurred_at
  from (select (e.before_state ->> 'customFigure')::bigint as figure,
               split_part(e.entity_id, '/', 1)::bigint as report,
               substr(e.entity_id, strpos(e.entity_id, '/') + 1) as indicator,
               e.occurred_at
          from audit_event e
         where e.action = 'VALUE_PROMOTED'
           and e.entity_type = 'IndicatorValue'
           and e.entity_id ~ '^[0-9]+/.+$'
           and e.before_state ->> 'customFigure' ~ '^[0-9]+$') promoted
 where exists (select 1 from annual_report r where r.id = promoted.report)
   and length(indicator) <= 40
 order by figure, occurred_at desc;
