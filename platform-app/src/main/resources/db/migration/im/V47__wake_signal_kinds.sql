-- Wake signals name what may wait (WakeSignals.Kind), so that a poll woken by a message reads the messages and not
-- every queue: the payload's first element is '@' and the kinds' letters (m message, r delivery report, i invitation,
-- g group notice, a presence authorisation request, p presence, s session settings), then the MSISDNs. A listener
-- of V33's time reads '@..' as a number it does not know and signals the rest as before; a payload without it still
-- means every kind.
create function im.wake(kinds text, msisdns text[]) returns void language plpgsql as $$
declare
    chunk text[];
    n int;
begin
    select array_agg(distinct m) into chunk from unnest(msisdns) m
    where m is not null and exists (select 1 from im.client_session s where s.msisdn = m and s.expires_at > now());
    n := coalesce(array_length(chunk, 1), 0);
    for i in 1..n by 300 loop
        perform pg_notify('im_wake', '@' || kinds || ',' || array_to_string(chunk[i:i + 299], ','));
    end loop;
end $$;

create or replace function im.wake_watchers(presentities text[]) returns void language plpgsql as $$
begin
    perform im.wake('p', array(
        select w.watcher from (
            select c.owner as watcher from im.contact c where c.contact_msisdn = any(presentities)
            union
            select a.watcher from im.presence_authorization a where a.presentity = any(presentities)) w));
end $$;

create or replace function im.wake_on_delivery() returns trigger language plpgsql as $$
begin
    perform im.wake('m', array(select recipient from new_rows where status = 'PENDING' and session_id is null));
    return null;
end $$;

create or replace function im.wake_on_report() returns trigger language plpgsql as $$
begin
    perform im.wake('r', array(select sender from new_rows));
    return null;
end $$;

create or replace function im.wake_on_invitation() returns trigger language plpgsql as $$
begin
    perform im.wake('i', array[new.invitee, new.inviter]);
    return null;
end $$;

create or replace function im.wake_on_room_notice() returns trigger language plpgsql as $$
begin
    perform im.wake('g', array(select recipient from new_rows));
    return null;
end $$;

create or replace function im.wake_on_authorization() returns trigger language plpgsql as $$
begin
    -- the presentity may be asked; the watcher may now see (or no longer see) the presentity
    perform im.wake('a', array[new.presentity]);
    perform im.wake('p', array[new.watcher]);
    return null;
end $$;

-- a contact entry changes what its owner sees; block and grant lists change what the owner's watchers see, and
-- which of the owner's pending authorisation requests may be handed out (none from a watcher they refuse)
create or replace function im.wake_on_owner() returns trigger language plpgsql as $$
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
        perform im.wake('a', array[who]);
    else
        perform im.wake('p', array[who]);
    end if;
    return null;
end $$;

-- a peer operator's push changes what the watchers of ours it names see
create function im.wake_on_peer_presence() returns trigger language plpgsql as $$
begin
    perform im.wake('p', new.watchers::text[]);
    return null;
end $$;
create trigger peer_presence_wake after insert or update on im.peer_presence
    for each row execute function im.wake_on_peer_presence();

-- an instance keeping a session's agreed settings in memory reads them again when a session of the subscriber changed
-- them through any instance
create function im.wake_on_session_settings() returns trigger language plpgsql as $$
begin
    perform im.wake('s', array[new.msisdn]);
    return null;
end $$;
create trigger wv_session_settings_wake after update of delivery_method, keep_alive_seconds on im.wv_session
    for each row when (old.delivery_method is distinct from new.delivery_method
                       or old.keep_alive_seconds is distinct from new.keep_alive_seconds)
    execute function im.wake_on_session_settings();
