-- The whole domain of the portal (see README "Domain"). Every rule the application checks
-- is also guarded here, so that no path around the application can store invalid data.

-- Administrative divisions, GB/T 2260. province_code and prefecture_code are denormalised
-- from the tree so that scope filters ("every county under 云南省") are one indexed equality.
create table region (
    code            varchar(6)   primary key check (code ~ '^[1-9][0-9]{5}$'),
    name            varchar(100) not null check (length(trim(name)) > 0),
    level           varchar(10)  not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code     varchar(6)   references region (code),
    province_code   varchar(6)   not null references region (code),
    prefecture_code varchar(6)   references region (code),
    -- lets other tables require a region of a given level through a composite foreign key
    unique (code, level),
    check ((level = 'PROVINCE') = (parent_code is null)),
    check (level <> 'PROVINCE' or province_code = code),
    check (level <> 'PREFECTURE' or prefecture_code = code),
    check (level <> 'PROVINCE' or prefecture_code is null)
);
create index region_parent_idx on region (parent_code);
create index region_province_idx on region (province_code, level);
create index region_prefecture_idx on region (prefecture_code, level);

-- The 10 areas of 《法治政府建设实施纲要（2021—2025年）》.
create table section (
    code        varchar(20)  primary key check (code ~ '^[A-Z][A-Z_]*$'),
    position    integer      not null unique check (position > 0),
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    outline_ref varchar(100)
);

-- A catalogue indicator is valid from first_year to last_year (open when null): a change of the
-- catalogue never rewrites old reports. default_target_* is the file's default; per-year targets
-- live in indicator_target.
create table indicator (
    code                 varchar(40)  primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    section_code         varchar(20)  not null references section (code),
    position             integer      not null unique check (position > 0),
    name_zh              varchar(200) not null check (length(trim(name_zh)) > 0),
    name_en              varchar(200) not null check (length(trim(name_en)) > 0),
    unit                 varchar(20)  not null,
    kind                 varchar(10)  not null check (kind in ('COUNT', 'AMOUNT', 'RATE')),
    direction            varchar(4)   not null check (direction in ('UP', 'DOWN', 'NONE')),
    numerator_code       varchar(40)  references indicator (code),
    denominator_code     varchar(40)  references indicator (code),
    default_target_op    varchar(2)   check (default_target_op in ('>=', '<=', '>', '<', '=')),
    default_target_value numeric(20, 4),
    definition_zh        text,
    definition_en        text,
    first_year           integer      not null check (first_year between 2000 and 2100),
    last_year            integer      check (last_year between 2000 and 2100),
    unique (code, kind),
    check (last_year is null or last_year >= first_year),
    check ((numerator_code is null) = (denominator_code is null)),
    check (numerator_code is null or (kind = 'RATE' and numerator_code <> denominator_code)),
    check ((default_target_op is null) = (default_target_value is null)),
    check (kind <> 'RATE' or default_target_value is null or default_target_value between 0 and 100)
);
create index indicator_section_idx on indicator (section_code, position);

create table indicator_target (
    indicator_code varchar(40)    not null references indicator (code),
    year           integer        not null check (year between 2000 and 2100),
    operator       varchar(2)     not null check (operator in ('>=', '<=', '>', '<', '=')),
    value          numeric(20, 4) not null check (value >= 0),
    primary key (indicator_code, year)
);

-- Cross-checks between two indicators of one report (left operator right). The automatic
-- numerator <= denominator rule of each computed rate is derived from the catalogue, not stored.
create table validation_rule (
    code        varchar(40)  primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    left_code   varchar(40)  not null references indicator (code),
    operator    varchar(2)   not null check (operator in ('>=', '<=', '>', '<', '=')),
    right_code  varchar(40)  not null references indicator (code),
    severity    varchar(7)   not null check (severity in ('ERROR', 'WARNING')),
    message_zh  varchar(300) not null,
    message_en  varchar(300),
    first_year  integer      not null check (first_year between 2000 and 2100),
    last_year   integer      check (last_year between 2000 and 2100),
    check (left_code <> right_code),
    check (last_year is null or last_year >= first_year)
);

-- Accounts. The scope is a region whose level fits the role: a county for a clerk, a province
-- or prefecture (or none: the whole country) for a reviewer, none for an administrator.
create table account (
    id                   bigint generated by default as identity primary key,
    username             varchar(50)  not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,49}$'),
    display_name         varchar(100) not null check (length(trim(display_name)) > 0),
    password_hash        varchar(200) not null,
    role                 varchar(20)  not null check (role in ('COUNTY_STAFF', 'REVIEWER', 'ADMIN')),
    scope_region_code    varchar(6),
    scope_level          varchar(10),
    enabled              boolean      not null default true,
    failed_login_count   integer      not null default 0 check (failed_login_count >= 0),
    locked_until         timestamptz,
    must_change_password boolean      not null default true,
    last_login_at        timestamptz,
    last_login_address   varchar(45),
    created_at           timestamptz  not null default now(),
    version              integer      not null default 0,
    unique (username),
    foreign key (scope_region_code, scope_level) references region (code, level),
    check ((scope_region_code is null) = (scope_level is null)),
    check ((role = 'COUNTY_STAFF' and scope_level = 'COUNTY')
        or (role = 'REVIEWER' and (scope_level is null or scope_level in ('PROVINCE', 'PREFECTURE')))
        or (role = 'ADMIN' and scope_level is null))
);
create index account_scope_idx on account (scope_region_code);

-- One report per county and year. county_level is constant: it makes the foreign key refuse
-- a province or prefecture as the reporting unit.
create table annual_report (
    id                   bigint generated by default as identity primary key,
    county_code          varchar(6)  not null,
    county_level         varchar(10) not null default 'COUNTY' check (county_level = 'COUNTY'),
    year                 integer     not null check (year between 2000 and 2100),
    status               varchar(10) not null default 'DRAFT'
                             check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    measures_text        text check (length(measures_text) <= 20000),
    problems_text        text check (length(problems_text) <= 20000),
    next_year_plan_text  text check (length(next_year_plan_text) <= 20000),
    leaders_duty_text    text check (length(leaders_duty_text) <= 20000),
    submission_deadline  date        not null,
    submitted_at         timestamptz,
    submitted_by         bigint references account (id),
    reviewed_at          timestamptz,
    reviewed_by          bigint references account (id),
    review_comment       text check (length(review_comment) <= 5000),
    approved_at          timestamptz,
    approved_by          bigint references account (id),
    published_on         date,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer     not null default 0,
    unique (county_code, year),
    foreign key (county_code, county_level) references region (code, level),
    check (status = 'DRAFT' or submitted_at is not null),
    check (status <> 'APPROVED' or approved_at is not null),
    check (status <> 'RETURNED' or review_comment is not null)
);
create index annual_report_year_status_idx on annual_report (year, status, county_code);

-- report × indicator. kind is copied from the indicator (the composite foreign key keeps it
-- honest) so that the value checks below can be enforced by the database itself.
-- A computed rate with a zero denominator is stored with a null value: "不适用".
create table indicator_value (
    id             bigint generated by default as identity primary key,
    report_id      bigint         not null references annual_report (id) on delete cascade,
    indicator_code varchar(40)    not null,
    kind           varchar(10)    not null,
    value          numeric(20, 4),
    explanation    text check (length(explanation) <= 2000),
    source         varchar(8)     not null check (source in ('TYPED', 'COMPUTED')),
    updated_at     timestamptz    not null default now(),
    updated_by     bigint references account (id),
    unique (report_id, indicator_code),
    foreign key (indicator_code, kind) references indicator (code, kind),
    check (value is null or value >= 0),
    check (kind <> 'COUNT' or value is null or value = trunc(value)),
    check (kind <> 'RATE' or value is null or value <= 100),
    check (source = 'COMPUTED' or value is not null or explanation is not null)
);
-- rankings and trends: every county's value of one indicator
create index indicator_value_indicator_idx on indicator_value (indicator_code, report_id) include (value);

-- Figures a county states that no catalogue indicator foresees.
create table custom_figure (
    id           bigint generated by default as identity primary key,
    report_id    bigint         not null references annual_report (id) on delete cascade,
    section_code varchar(20)    not null references section (code),
    name         varchar(200)   not null check (length(trim(name)) > 0),
    unit         varchar(20)    not null check (length(trim(unit)) > 0),
    value        numeric(20, 4) not null check (value >= 0),
    note         text check (length(note) <= 2000),
    position     integer        not null default 0,
    updated_at   timestamptz    not null default now(),
    unique (report_id, section_code, name)
);

-- Demonstration titles a county holds (示范地区, 示范项目).
create table recognition (
    id           bigint generated by default as identity primary key,
    county_code  varchar(6)   not null,
    county_level varchar(10)  not null default 'COUNTY' check (county_level = 'COUNTY'),
    level        varchar(12)  not null check (level in ('NATIONAL', 'PROVINCIAL', 'PREFECTURAL')),
    title        varchar(200) not null check (length(trim(title)) > 0),
    year         integer      check (year between 2000 and 2100),
    foreign key (county_code, county_level) references region (code, level),
    unique (county_code, title)
);

-- Inspections (督察) of a county in a year, and their findings. OVERDUE is not stored: it is
-- derived from the deadline, so that it never depends on a job having run.
create table inspection (
    id              bigint generated by default as identity primary key,
    county_code     varchar(6)   not null,
    county_level    varchar(10)  not null default 'COUNTY' check (county_level = 'COUNTY'),
    year            integer      not null check (year between 2000 and 2100),
    kind            varchar(20)  not null
                        check (kind in ('COMPREHENSIVE', 'SPECIAL', 'CASE_FILE_REVIEW', 'ON_SITE', 'UNANNOUNCED')),
    started_on      date         not null,
    ended_on        date,
    inspecting_body varchar(200) not null check (length(trim(inspecting_body)) > 0),
    inspectors      varchar(500),
    summary         text check (length(summary) <= 20000),
    created_by      bigint references account (id),
    created_at      timestamptz  not null default now(),
    version         integer      not null default 0,
    foreign key (county_code, county_level) references region (code, level),
    check (ended_on is null or ended_on >= started_on)
);
create index inspection_county_idx on inspection (county_code, year);

create table inspection_finding (
    id                  bigint generated by default as identity primary key,
    inspection_id       bigint       not null references inspection (id) on delete cascade,
    description         text         not null check (length(trim(description)) > 0 and length(description) <= 5000),
    severity            varchar(10)  not null check (severity in ('MINOR', 'MODERATE', 'SEVERE')),
    section_code        varchar(20)  references section (code),
    indicator_code      varchar(40)  references indicator (code),
    deadline            date         not null,
    status              varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'RECTIFYING', 'CLOSED')),
    rectification_reply text check (length(rectification_reply) <= 20000),
    replied_at          timestamptz,
    replied_by          bigint references account (id),
    review_comment      text check (length(review_comment) <= 5000),
    accepted_at         timestamptz,
    accepted_by         bigint references account (id),
    version             integer      not null default 0,
    check (status <> 'CLOSED' or accepted_at is not null),
    check (status = 'OPEN' or rectification_reply is not null)
);
create index inspection_finding_open_idx on inspection_finding (status, deadline);
create index inspection_finding_inspection_idx on inspection_finding (inspection_id);

-- Append-only: the trigger below refuses every update and delete.
create table audit_event (
    id             bigint generated by default as identity primary key,
    occurred_at    timestamptz  not null default now(),
    actor          varchar(50),
    client_address varchar(45),
    action         varchar(40)  not null,
    entity_type    varchar(40),
    entity_id      varchar(40),
    before_state   jsonb,
    after_state    jsonb
);
create index audit_event_time_idx on audit_event (occurred_at desc);
create index audit_event_actor_idx on audit_event (actor, occurred_at desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
