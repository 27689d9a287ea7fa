-- The audit log's integrity can be verified (issue 16): every audit event is sealed into a hash
-- chain, SHA-256 over the event's content and the previous link's hash. Editing, removing or
-- inserting a row behind the portal's back (as a superuser, triggers off) breaks the chain from
-- that row on, and the administrators' "verify audit log" names the first broken link.
--
-- The chain lives beside the events (one audit_chain row per event, in the order of commit) rather
-- than in columns of audit_event, so that audit_event stays strictly insert-only: no row is ever
-- updated, not even to write its own hash. Links are made by a deferred trigger at commit, so the
-- lock on the chain's head is held only for the commit itself, and the chain's order is the order
-- in which events became visible.

-- One field of the canonical text: its length in bytes, so that no value can imitate a separator.
-- The portal's verifier (AuditChainVerifier) builds the same text in Java.
create function audit_canonical_field(v text) returns text language sql immutable as $$
    select case when v is null then '~;' else octet_length(v)::text || ':' || v || ';' end
$$;

create function audit_event_canonical(e audit_event) returns text language sql stable as $$
    select e.id::text || ';' || ((extract(epoch from e.occurred_at) * 1000000)::bigint)::text || ';'
        || audit_canonical_field(e.actor) || audit_canonical_field(e.client_address)
        || audit_canonical_field(e.action) || audit_canonical_field(e.entity_type)
        || audit_canonical_field(e.entity_id) || audit_canonical_field(e.before_state::text)
        || audit_canonical_field(e.after_state::text)
$$;

create table audit_chain (
    seq       bigint primary key check (seq > 0),
    event_id  bigint not null unique references audit_event (id),
    prev_hash bytea  not null check (octet_length(prev_hash) = 32),
    hash      bytea  not null check (octet_length(hash) = 32)
);

-- The last link; a single row. The genesis hash is SHA-256 of a fixed text.
create table audit_chain_head (
    only_row boolean primary key default true check (only_row),
    seq      bigint not null check (seq >= 0),
    hash     bytea  not null check (octet_length(hash) = 32)
);
insert into audit_chain_head (seq, hash) values (0, sha256(convert_to('fazhi-portal audit chain', 'UTF8')));

-- Appends one event to the chain: the head is locked, so links are made one at a time.
create function audit_chain_append(e audit_event) returns void language plpgsql as $$
declare
    head audit_chain_head%rowtype;
    digest bytea;
begin
    select * into head from audit_chain_head for update;
    digest := sha256(head.hash || convert_to(audit_event_canonical(e), 'UTF8'));
    insert into audit_chain (seq, event_id, prev_hash, hash) values (head.seq + 1, e.id, head.hash, digest);
    update audit_chain_head set seq = head.seq + 1, hash = digest;
end;
$$;

create function audit_event_seal() returns trigger language plpgsql as $$
begin
    perform audit_chain_append(new);
    return null;
end;
$$;

-- Events written before this migration are sealed now, in the order of their ids.
do $$
declare
    e audit_event%rowtype;
begin
    for e in select * from audit_event order by id loop
        perform audit_chain_append(e);
    end loop;
end;
$$;

create constraint trigger audit_event_sealed
    after insert on audit_event
    deferrable initially deferred
    for each row execute function audit_event_seal();

-- The chain is append-only like the events.
create trigger audit_chain_append_only
    before update or delete on audit_chain
    for each row execute function audit_event_is_append_only();
create trigger audit_chain_no_truncate
    before truncate on audit_chain
    for each statement execute function audit_event_is_append_only();
