-- Presence attribute lists (CSP CreateAttributeList): which presence attributes a presentity lets a watcher see. A
-- list names one watcher (USER), a contact list of the presentity's whose members it covers (CONTACT_LIST), or
-- everyone else (DEFAULT). A watcher's own list wins over the lists of the contact lists they are on (whose
-- attributes add up), which win over the default list. A list is also the presentity's grant (proactive
-- authorisation, RFC 2779): a watcher it covers is accepted without being asked.
create table im.presence_attribute_list (
    presentity      varchar(16)   not null references im.subscriber (msisdn) on delete cascade,
    kind            varchar(16)   not null check (kind in ('USER', 'CONTACT_LIST', 'DEFAULT')),
    watcher         varchar(16),
    list_name       varchar(50),
    attributes      varchar(16)[] not null,
    updated_at      timestamptz   not null,
    check ((kind = 'USER') = (watcher is not null) and (kind = 'CONTACT_LIST') = (list_name is not null)),
    foreign key (presentity, list_name) references im.contact_list (owner, name) on delete cascade
);
create unique index presence_attribute_list_user on im.presence_attribute_list (presentity, watcher) where kind = 'USER';
create unique index presence_attribute_list_list on im.presence_attribute_list (presentity, list_name) where kind = 'CONTACT_LIST';
create unique index presence_attribute_list_default on im.presence_attribute_list (presentity) where kind = 'DEFAULT';

-- The attributes presentity p lets watcher w see; null when no list covers w (an authorised watcher then sees all).
create function im.presence_attributes(p varchar, w varchar) returns varchar[] language sql stable as $$
    select coalesce(
        (select l.attributes from im.presence_attribute_list l where l.presentity = p and l.kind = 'USER' and l.watcher = w),
        (select array_agg(distinct a order by a) from im.presence_attribute_list l
            join im.contact_list_member m on m.owner = l.presentity and m.list_name = l.list_name and m.contact_msisdn = w
            cross join unnest(l.attributes) a
            where l.presentity = p and l.kind = 'CONTACT_LIST'),
        (select l.attributes from im.presence_attribute_list l where l.presentity = p and l.kind = 'DEFAULT'))
$$;
