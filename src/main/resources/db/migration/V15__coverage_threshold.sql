-- The coverage a county needs in a year to be ranked on the dashboards (issue 17): the share of the
-- year's scored indicators it reported, overall and per section. Set by an administrator per year;
-- a year without a row uses the default of 2/3 (the dashboard module's constant).
create table scoring_setting (
    year               integer      primary key check (year between 2015 and 2100),
    coverage_threshold numeric(4,3) not null check (coverage_threshold > 0 and coverage_threshold <= 1),
    updated_at         timestamptz  not null default now(),
    updated_by         varchar(100) not null check (length(trim(updated_by)) > 0)
);

-- a new threshold moves ranks like a catalogue change (V10)
create trigger scoring_setting_changed after insert or update or delete on scoring_setting
    for each statement execute function catalogue_changed();
