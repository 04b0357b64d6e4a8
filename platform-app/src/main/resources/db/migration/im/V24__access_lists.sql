-- A subscriber's access lists (CSP BlockList and GrantList, the SMS BLOCK command): im.block holds whom they refuse;
-- im.grant_entry whom they accept while their grant list is in use (then everyone else is refused too).
-- im.access_list_use says which list is in use; no row: the block list is, the grant list is not.
create table im.grant_entry (
    owner           varchar(16)  not null references im.subscriber (msisdn) on delete cascade,
    granted         varchar(16)  not null,
    created_at      timestamptz  not null,
    primary key (owner, granted)
);

create table im.access_list_use (
    owner           varchar(16)  primary key references im.subscriber (msisdn) on delete cascade,
    block_list      boolean      not null default true,
    grant_list      boolean      not null default false
);

-- Whether owner refuses other: their messages, invitations, authorisation requests, and seeing owner's presence.
-- One expression without a FROM, so PostgreSQL inlines it into the calling statement (key lookups, no call).
create function im.refuses(owner_msisdn varchar, other_msisdn varchar) returns boolean
language sql stable as $$
    select (coalesce((select u.block_list from im.access_list_use u where u.owner = owner_msisdn), true)
                and exists (select 1 from im.block b where b.owner = owner_msisdn and b.blocked = other_msisdn))
        or (coalesce((select u.grant_list from im.access_list_use u where u.owner = owner_msisdn), false)
                and not exists (select 1 from im.grant_entry g where g.owner = owner_msisdn and g.granted = other_msisdn))
$$;
