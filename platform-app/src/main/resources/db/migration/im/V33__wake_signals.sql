-- "Something may be waiting for these subscribers": a notification on channel im_wake, raised by the database for
-- every writer (any instance, any code path) when something a client's poll hands out is queued: a message waiting
-- to be claimed, a delivery report, an invitation or its answer or cancellation, a group change notice, a presence
-- authorisation request, a change of a contact's presence or of what a watcher may see. NOTIFY is sent at commit, so
-- a listener that hears it and then reads sees the row. The payload is comma-separated MSISDNs, in chunks below
-- the 8000-byte payload limit. Over-signalling only costs a poll one read; missing a signal would hide a message.
-- Only subscribers with a live client session are signalled: an SMS-only recipient has no poll to wake (the SMS path
-- writes deliveries on every command), and a client that logs in later reads once before it trusts the signal.
create function im.wake(msisdns text[]) returns void language plpgsql as $$
declare
    chunk text[];
    n int;
begin
    select array_agg(distinct m) into chunk from unnest(msisdns) m
    where m is not null and exists (select 1 from im.client_session s where s.msisdn = m and s.expires_at > now());
    n := coalesce(array_length(chunk, 1), 0);
    for i in 1..n by 300 loop
        perform pg_notify('im_wake', array_to_string(chunk[i:i + 299], ','));
    end loop;
end $$;

-- the watchers of a presentity: owners of a contact entry for it, and who asked to watch it (im.wake keeps those online)
create index contact_by_contact on im.contact (contact_msisdn);

create function im.wake_watchers(presentities text[]) returns void language plpgsql as $$
begin
    perform im.wake(array(
        select w.watcher from (
            select c.owner as watcher from im.contact c where c.contact_msisdn = any(presentities)
            union
            select a.watcher from im.presence_authorization a where a.presentity = any(presentities)) w));
end $$;

create function im.wake_on_delivery() returns trigger language plpgsql as $$
begin
    perform im.wake(array(select recipient from new_rows where status = 'PENDING' and session_id is null));
    return null;
end $$;
create trigger delivery_wake_insert after insert on im.delivery referencing new table as new_rows
    for each statement execute function im.wake_on_delivery();
create trigger delivery_wake_update after update on im.delivery referencing new table as new_rows
    for each statement execute function im.wake_on_delivery();

create function im.wake_on_report() returns trigger language plpgsql as $$
begin
    perform im.wake(array(select sender from new_rows));
    return null;
end $$;
create trigger client_delivery_report_wake after insert on im.client_delivery_report referencing new table as new_rows
    for each statement execute function im.wake_on_report();

create function im.wake_on_invitation() returns trigger language plpgsql as $$
begin
    perform im.wake(array[new.invitee, new.inviter]);
    return null;
end $$;
create trigger invitation_wake after insert or update of state, answered_at on im.invitation
    for each row execute function im.wake_on_invitation();

create function im.wake_on_room_notice() returns trigger language plpgsql as $$
begin
    perform im.wake(array(select recipient from new_rows));
    return null;
end $$;
create trigger room_notice_wake after insert on im.room_notice referencing new table as new_rows
    for each statement execute function im.wake_on_room_notice();

create function im.wake_on_authorization() returns trigger language plpgsql as $$
begin
    -- the presentity may be asked; the watcher may now see (or no longer see) the presentity
    perform im.wake(array[new.presentity, new.watcher]);
    return null;
end $$;
create trigger presence_authorization_wake after insert or update on im.presence_authorization
    for each row execute function im.wake_on_authorization();

create function im.wake_on_presence() returns trigger language plpgsql as $$
begin
    perform im.wake_watchers(array[new.msisdn]);
    return null;
end $$;
create trigger presence_wake after insert or update on im.presence
    for each row execute function im.wake_on_presence();

-- what a watcher may see changes with their contact entries (the owner is signalled) and with the presentity's
-- block and grant lists (the presentity's watchers are)
create function im.wake_on_owner() returns trigger language plpgsql as $$
declare
    who text;
begin
    if tg_op = 'DELETE' then
        who := old.owner;
    else
        who := new.owner;
    end if;
    if tg_argv[0] = 'watchers' then
        perform im.wake_watchers(array[who]);
    else
        perform im.wake(array[who]);
    end if;
    return null;
end $$;
create trigger contact_wake after insert or delete on im.contact
    for each row execute function im.wake_on_owner('owner');
create trigger block_wake after insert or delete on im.block
    for each row execute function im.wake_on_owner('watchers');
create trigger grant_entry_wake after insert or delete on im.grant_entry
    for each row execute function im.wake_on_owner('watchers');
create trigger access_list_use_wake after insert or update or delete on im.access_list_use
    for each row execute function im.wake_on_owner('watchers');
