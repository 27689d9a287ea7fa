-- Evidence files kept in pieces of at most 256 KB (finding_evidence_chunk), so that an upload is
-- written and a download read a piece at a time and no file is ever held whole in the portal's
-- memory. A table of pieces rather than PostgreSQL large objects: the pieces stay under the foreign
-- key (a finding's deletion removes them; large objects would be orphaned without a trigger and
-- vacuumlo), under the checks below and in every dump like any table, and each piece is read by
-- its own short query, whereas a large object is only readable inside a transaction that would hold
-- a pooled connection for as long as a slow client takes to download.

create table finding_evidence_chunk (
    evidence_id bigint  not null references finding_evidence (id) on delete cascade,
    seq         integer not null check (seq >= 0),
    bytes       bytea   not null check (octet_length(bytes) between 1 and 262144),
    primary key (evidence_id, seq)
);

-- the files already stored, cut into pieces; their size and SHA-256 stay as they were
insert into finding_evidence_chunk (evidence_id, seq, bytes)
select e.id, s.seq, substring(e.content from s.seq * 262144 + 1 for 262144)
from finding_evidence e
cross join lateral generate_series(0, (octet_length(e.content) - 1) / 262144) as s (seq);

alter table finding_evidence drop column content;

-- A file name shows what it is: no control characters and no invisible format characters (Unicode
-- category Cf: the bidirectional overrides that make "x<U+202E>gnp.pdf" display as "xfdp.png",
-- zero-width spaces and joiners, the byte order mark...). The portal refuses them with a message;
-- names stored before are tidied, each such character becoming "_".
update finding_evidence
set file_name = regexp_replace(file_name,
        '[\x01-\x1F\x7F-\x9F\u00AD\u0600-\u0605\u061C\u06DD\u070F\u08E2\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\U000110BD\U000110CD\U00013430-\U00013438\U0001BCA0-\U0001BCA3\U0001D173-\U0001D17A\U000E0001\U000E0020-\U000E007F]',
        '_', 'g')
where file_name ~ '[\x01-\x1F\x7F-\x9F\u00AD\u0600-\u0605\u061C\u06DD\u070F\u08E2\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\U000110BD\U000110CD\U00013430-\U00013438\U0001BCA0-\U0001BCA3\U0001D173-\U0001D17A\U000E0001\U000E0020-\U000E007F]';

alter table finding_evidence add constraint finding_evidence_name_visible check (file_name !~
        '[\x01-\x1F\x7F-\x9F\u00AD\u0600-\u0605\u061C\u06DD\u070F\u08E2\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\U000110BD\U000110CD\U00013430-\U00013438\U0001BCA0-\U0001BCA3\U0001D173-\U0001D17A\U000E0001\U000E0020-\U000E007F]');

-- A file is whole when the transaction that stores it commits: pieces numbered 0..n-1 without a
-- gap whose lengths add up to the file's size. Checked at commit (the file's row is written before
-- its pieces), by constraint triggers on both tables; a file deleted with its pieces is not checked.
create function finding_evidence_check_whole(evidence bigint) returns void
    language plpgsql as $$
declare
    expected bigint;
    pieces   bigint;
    total    bigint;
    last_seq integer;
begin
    select size_bytes into expected from finding_evidence where id = evidence;
    if not found then
        return;
    end if;
    select count(*), coalesce(sum(octet_length(bytes)), 0), coalesce(max(seq), -1)
    into pieces, total, last_seq
    from finding_evidence_chunk where evidence_id = evidence;
    if total <> expected or pieces <> last_seq + 1 then
        raise exception 'evidence file % is not whole: % bytes in % pieces, % expected', evidence, total, pieces,
            expected using errcode = 'check_violation', constraint = 'finding_evidence_whole';
    end if;
end;
$$;

create function finding_evidence_whole() returns trigger
    language plpgsql as $$
begin
    perform finding_evidence_check_whole(new.id);
    return null;
end;
$$;

create function finding_evidence_chunk_whole() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform finding_evidence_check_whole(old.evidence_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform finding_evidence_check_whole(new.evidence_id);
    end if;
    return null;
end;
$$;

create constraint trigger finding_evidence_whole
    after insert or update on finding_evidence
    deferrable initially deferred
    for each row execute function finding_evidence_whole();

create constraint trigger finding_evidence_chunk_whole
    after insert or update or delete on finding_evidence_chunk
    deferrable initially deferred
    for each row execute function finding_evidence_chunk_whole();
