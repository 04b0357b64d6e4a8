-- IM core: subscribers, contacts and presence authorisation, blocking, presence and client sessions,
-- messages with per-recipient deliveries (store until acknowledged), rooms, and the outbox to Kafka.

create table im.subscriber (
    msisdn          varchar(16)  primary key,
    nickname        varchar(32)  not null,
    locale          varchar(8)   not null,
    status          varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED', 'BARRED')),
    tariff_plan     varchar(64),
    password_hash   varchar(255),
    home_operator   varchar(32)  not null,
    sms_fallback    boolean      not null default true,
    contacts_only   boolean      not null default false,
    sms_opted_out   boolean      not null default false,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);

-- A subscriber's contacts, each with a stable number (the "1" in "1 Hello there").
create table im.contact (
    owner           varchar(16)  not null references im.subscriber (msisdn) on delete cascade,
    position        integer      not null check (position > 0),
    contact_msisdn  varchar(16)  not null,
    nickname        varchar(32)  not null,
    created_at      timestamptz  not null,
    primary key (owner, position),
    unique (owner, contact_msisdn)
);

-- Named contact lists (CSP contact lists); exactly one default per owner.
create table im.contact_list (
    owner           varchar(16)  not null references im.subscriber (msisdn) on delete cascade,
    name            varchar(50)  not null,
    display_name    varchar(50)  not null,
    is_default      boolean      not null default false,
    primary key (owner, name)
);
create unique index contact_list_one_default on im.contact_list (owner) where is_default;

create table im.contact_list_member (
    owner           varchar(16)  not null,
    list_name       varchar(50)  not null,
    contact_msisdn  varchar(16)  not null,
    primary key (owner, list_name, contact_msisdn),
    foreign key (owner, list_name) references im.contact_list (owner, name) on delete cascade,
    foreign key (owner, contact_msisdn) references im.contact (owner, contact_msisdn) on delete cascade
);

-- Who may see whose presence (RFC 2779): the presentity decides about each watcher.
create table im.presence_authorization (
    presentity      varchar(16)  not null,
    watcher         varchar(16)  not null,
    state           varchar(16)  not null check (state in ('PENDING', 'ACCEPTED', 'DENIED')),
    requested_at    timestamptz  not null,
    decided_at      timestamptz,
    primary key (presentity, watcher)
);
create index presence_authorization_watcher on im.presence_authorization (watcher);

create table im.block (
    owner           varchar(16)  not null references im.subscriber (msisdn) on delete cascade,
    blocked         varchar(16)  not null,
    created_at      timestamptz  not null,
    primary key (owner, blocked)
);

create table im.presence (
    msisdn          varchar(16)  primary key references im.subscriber (msisdn) on delete cascade,
    availability    varchar(16)  not null check (availability in ('AVAILABLE', 'BUSY', 'AWAY', 'INVISIBLE')),
    status_text     varchar(100),
    location        varchar(100),
    updated_at      timestamptz  not null,
    last_seen       timestamptz
);

-- Live client (Wireless Village) sessions. presence_dirty marks a session that has presence changes to fetch:
-- fan-out sets one flag per watching session, the session reads the latest presence (flapping coalesces).
create table im.client_session (
    id              uuid         primary key,
    msisdn          varchar(16)  not null references im.subscriber (msisdn) on delete cascade,
    started_at      timestamptz  not null,
    last_active_at  timestamptz  not null,
    expires_at      timestamptz  not null,
    presence_dirty  boolean      not null default false
);
create index client_session_msisdn on im.client_session (msisdn, expires_at);

create table im.message (
    id                  uuid         primary key,
    sender              varchar(16)  not null,
    client_message_id   varchar(64),
    target_kind         varchar(16)  not null check (target_kind in ('SUBSCRIBER', 'CONTACT_LIST', 'ROOM')),
    target              varchar(64)  not null,
    origin_channel      varchar(16)  not null,
    body                text         not null,
    delivery_report     boolean      not null default false,
    created_at          timestamptz  not null,
    expires_at          timestamptz  not null
);
-- a client that resends the same message id gets the first message back, not a second one
create unique index message_client_id on im.message (sender, client_message_id) where client_message_id is not null;

-- One row per recipient of a message; kept until the recipient's channel acknowledges it.
create table im.delivery (
    id              uuid         primary key,
    message_id      uuid         not null references im.message (id) on delete cascade,
    recipient       varchar(16)  not null,
    sender_alias    varchar(40)  not null,
    status          varchar(16)  not null check (status in ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'FAILED', 'EXPIRED')),
    channel         varchar(16),
    session_id      uuid,
    attempts        integer      not null default 0,
    claimed_at      timestamptz,
    updated_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    failure_reason  varchar(200)
);
create index delivery_open_by_recipient on im.delivery (recipient, status) where status in ('PENDING', 'IN_FLIGHT');
create index delivery_in_flight on im.delivery (claimed_at) where status = 'IN_FLIGHT';
create index delivery_message on im.delivery (message_id);

create table im.room (
    name            varchar(32)  primary key,
    title           varchar(100) not null,
    kind            varchar(16)  not null check (kind in ('PUBLIC', 'PRIVATE')),
    owner           varchar(16),
    created_at      timestamptz  not null
);

create table im.room_member (
    room            varchar(32)  not null references im.room (name) on delete cascade,
    msisdn          varchar(16)  not null references im.subscriber (msisdn) on delete cascade,
    nickname        varchar(32)  not null,
    joined_at       timestamptz  not null,
    primary key (room, msisdn)
);
create unique index room_member_nickname on im.room_member (room, lower(nickname));
create index room_member_msisdn on im.room_member (msisdn);

-- Records for Kafka written in the same transaction as the fact; relayed in order and deleted once Kafka has them.
create table im.outbox (
    id              bigserial    primary key,
    topic           varchar(64)  not null,
    record_key      varchar(64)  not null,
    payload         bytea        not null,
    -- charging events get the relaying node's id and its next gap-free sequence number when published
    stamp_sequence  boolean      not null default false,
    created_at      timestamptz  not null
);

-- Per-node sequence numbers of relayed charging events: gap-free, assigned when the relay publishes.
create table im.node_sequence (
    node_id         varchar(64)  primary key,
    last_value      bigint       not null
);
