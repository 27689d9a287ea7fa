-- Changes whenever what a login may do changes (disabled, role or scope, password reset or change),
-- so that sessions opened before the change end at their next request.
alter table account add column security_stamp integer not null default 0;
