-- What one watcher may see of a presentity can change without the presentity's presence changing: the watcher is
-- accepted (asked, or granted by an attribute list), or an attribute list comes to cover them, stops covering them or
-- grants other attributes (the list is created, changed or deleted, or the watcher is added to or taken off a contact
-- list that has one). Such a change stamps the watcher's authorisation row, not the presentity's presence row: only
-- that watcher's next poll returns the presentity (V6's snapshot test, on either stamp), the other watchers are not
-- sent an unchanged state, and it works for a presentity who is invisible (whose presence row is never stamped, so
-- as not to hint). The row's update wakes the watcher (V33/V47's trigger on im.presence_authorization).
alter table im.presence_authorization add column change_xid xid8 not null default '0';

-- accepted: the watcher sees the presentity from their next poll
create function im.stamp_acceptance() returns trigger language plpgsql as $$
begin
    if new.state = 'ACCEPTED' and (tg_op = 'INSERT' or old.state <> 'ACCEPTED') then
        new.change_xid := pg_current_xact_id();
    end if;
    return new;
end $$;
create trigger presence_authorization_stamp before insert or update of state on im.presence_authorization
    for each row execute function im.stamp_acceptance();

-- a presentity's attribute list created, changed or deleted: every watcher they accepted may see something else
create function im.stamp_watchers_of_attribute_list() returns trigger language plpgsql as $$
declare
    p varchar;
begin
    if tg_op = 'DELETE' then
        p := old.presentity;
    else
        p := new.presentity;
    end if;
    update im.presence_authorization a set change_xid = pg_current_xact_id()
    where a.presentity = p and a.state = 'ACCEPTED';
    return null;
end $$;
create trigger presence_attribute_list_stamp after insert or update or delete on im.presence_attribute_list
    for each row execute function im.stamp_watchers_of_attribute_list();

-- a watcher added to or taken off a contact list of the presentity's that has an attribute list
create function im.stamp_list_member() returns trigger language plpgsql as $$
declare
    m record;
begin
    if tg_op = 'DELETE' then
        m := old;
    else
        m := new;
    end if;
    update im.presence_authorization a set change_xid = pg_current_xact_id()
    where a.presentity = m.owner and a.watcher = m.contact_msisdn and a.state = 'ACCEPTED'
      and exists (select 1 from im.presence_attribute_list l
                  where l.presentity = m.owner and l.kind = 'CONTACT_LIST' and l.list_name = m.list_name);
    return null;
end $$;
create trigger contact_list_member_stamp after insert or delete on im.contact_list_member
    for each row execute function im.stamp_list_member();
