-- Subscriber-owned groups (CSP groups) next to the operator's public rooms. A group's name is its owner's number and
-- its own name ("+447700900101/chat"), so room names grow. A group is OPEN (anyone not on its reject list joins) or
-- PRIVATE (restricted: only those on its member list join). im.room_member stays who is in the room now, under a
-- screen name; im.room_access is a group's member list with each member's role; im.room_reject who may not join.
alter table im.room_member drop constraint room_member_room_fkey;
alter table im.room alter column name type varchar(80);
alter table im.room_member alter column room type varchar(80);
alter table im.room_member add constraint room_member_room_fkey foreign key (room) references im.room (name) on delete cascade;
alter table im.room drop constraint room_kind_check;
alter table im.room add constraint room_kind_check check (kind in ('PUBLIC', 'PRIVATE', 'OPEN'));
alter table im.room add column topic varchar(100);
alter table im.room add column welcome_note varchar(400);
alter table im.room add column max_joined int check (max_joined > 0);
alter table im.room add column searchable boolean not null default false;

create table im.room_access (
    room            varchar(80)  not null references im.room (name) on delete cascade,
    msisdn          varchar(16)  not null,
    role            varchar(16)  not null check (role in ('ADMIN', 'MODERATOR', 'MEMBER')),
    primary key (room, msisdn)
);

create table im.room_reject (
    room            varchar(80)  not null references im.room (name) on delete cascade,
    msisdn          varchar(16)  not null,
    primary key (room, msisdn)
);

-- Group change notices waiting for the clients of the members who were in the room when it changed and had a live
-- client session: handed out on a poll (any session of theirs) and deleted as they go.
create table im.room_notice (
    id              bigserial    primary key,
    recipient       varchar(16)  not null,
    room            varchar(80)  not null references im.room (name) on delete cascade,
    change          varchar(16)  not null check (change in ('JOINED', 'LEFT', 'PROPERTIES')),
    msisdn          varchar(16),
    nickname        varchar(32),
    created_at      timestamptz  not null
);
create index room_notice_recipient on im.room_notice (recipient, id);
