-- The smpp-gateway's memory of MTs (schema smpp, owned by the smpp-gateway module; no other module reads it).
-- mt_request: one row per request id taken from sms.mt.v1: the idempotency key, so an MT is never sent twice.
-- mt_part: the parts the SMS-C accepted, with its message ids: resuming after a retry or restart, and receipt matching.
create schema if not exists smpp;

create table smpp.mt_request (
    request_id        varchar(128) primary key,
    recipient         varchar(16)  not null,
    sender            varchar(16)  not null,
    body              text,                      -- the SmsMt as JSON while it is being sent; cleared once final
    expires_at        timestamptz  not null,
    receipt_wanted    boolean      not null,
    service           varchar(64),
    parts             integer,
    state             varchar(16)  not null,     -- PENDING, ACCEPTED, REJECTED, EXPIRED
    error_code        varchar(32),
    outcome_published boolean      not null default false,
    receipt_state     varchar(16),               -- DELIVERED, FAILED, EXPIRED, REJECTED once every part has a receipt
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    constraint mt_request_state_chk check (state in ('PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED'))
);

-- what a restart resumes: MTs still being sent, outcomes not yet on Kafka
create index mt_request_open_idx on smpp.mt_request (created_at)
    where state = 'PENDING' or not outcome_published;

create table smpp.mt_part (
    request_id      varchar(128) not null references smpp.mt_request (request_id) on delete cascade,
    seq             integer      not null,
    link_id         varchar(64)  not null,
    smsc_message_id varchar(65)  not null,
    submitted_at    timestamptz  not null,
    receipt_status  varchar(16),
    receipt_error   varchar(32),
    receipt_at      timestamptz,
    primary key (request_id, seq)
);

create index mt_part_message_id_idx on smpp.mt_part (link_id, smsc_message_id);
