-- Custom figures are edited like catalogue values: who changed one last is kept with it (every
-- change is in the audit log as well).
alter table custom_figure add column updated_by bigint references account (id);
alter table custom_figure add constraint custom_figure_name_length check (length(name) <= 200);
alter table custom_figure add constraint custom_figure_unit_trimmed check (unit = trim(unit));
alter table custom_figure add constraint custom_figure_position_check check (position >= 0);
-- the candidates page reads every county's custom figure names
create index custom_figure_report_idx on custom_figure (report_id, section_code, position);

-- Catalogue administration: an indicator may be retired only from a year after its first one
-- (checked already by last_year >= first_year); a retired validation rule likewise. Targets of a
-- rate stay within 0..100 whatever the year.
create function indicator_target_fits_kind() returns trigger language plpgsql as $$
begin
    if new.value > 100 and exists (select 1 from indicator i where i.code = new.indicator_code and i.kind = 'RATE') then
        raise exception 'the target of a rate cannot exceed 100' using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger indicator_target_fits_kind
    before insert or update on indicator_target
    for each row execute function indicator_target_fits_kind();

-- A rule's two indicators must exist in the years the rule is valid in: the application checks it;
-- here the codes are at least real (foreign keys of V1). A code is never reused: retired
-- indicators stay in the table for the reports that carry them.
