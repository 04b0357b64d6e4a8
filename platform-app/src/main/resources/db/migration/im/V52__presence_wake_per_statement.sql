-- A presence change wakes its subscriber's watchers once per statement, not once per row: the presence committer
-- writes a batch of changes in one statement (PresenceUpdates.changeAll), and a row trigger looked up the watchers,
-- the sessions to notify and the CIR sessions to mark once for every subscriber of the batch, which cost more than
-- the upsert itself. An INSERT ... ON CONFLICT DO UPDATE fires both statement triggers, each with its own rows.
drop trigger presence_wake on im.presence;
drop function im.wake_on_presence();

create function im.wake_on_presence_rows() returns trigger language plpgsql as $$
begin
    perform im.wake_watchers(array(select msisdn from new_rows));
    return null;
end $$;
create trigger presence_wake_insert after insert on im.presence referencing new table as new_rows
    for each statement execute function im.wake_on_presence_rows();
create trigger presence_wake_update after update on im.presence referencing new table as new_rows
    for each statement execute function im.wake_on_presence_rows();

-- nobody to wake (a subscriber nobody watches, a statement that wrote no row): no notification to look up, no CIR
-- session to mark
create or replace function im.wake(kinds text, msisdns text[]) returns void language plpgsql as $$
begin
    if coalesce(cardinality(msisdns), 0) = 0 then
        return;
    end if;
    perform im.notify_wake(kinds, msisdns);
    if replace(kinds, 's', '') <> '' then
        update im.wv_session set cir_due_at = now()
        where client_session_id in (
            select w.client_session_id from im.wv_session w
            where w.msisdn = any(msisdns) and w.ended_at is null and w.cir_method is not null and w.cir_due_at is null
            for update skip locked);
    end if;
end $$;
