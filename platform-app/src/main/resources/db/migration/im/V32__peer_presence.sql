-- Presence of peer operators' subscribers, as their operator pushes it (POST /s2s/v1/presence): one row per
-- presentity, shown only to the watchers of ours it names (those the presentity authorised and does not refuse).
-- change_xid stamps a change as im.presence does, so client polls pick it up; changed_at is the peer's time of the
-- change: an older or repeated push changes nothing.
create table im.peer_presence (
    msisdn          varchar(16)  primary key,
    operator        varchar(16)  not null,
    availability    varchar(16)  not null check (availability in ('AVAILABLE', 'BUSY', 'AWAY')),
    status_text     varchar(100),
    client_online   boolean      not null,
    sms_reachable   boolean      not null,
    last_seen       timestamptz,
    watchers        varchar(16)[] not null,
    changed_at      timestamptz  not null,
    change_xid      xid8         not null
);
