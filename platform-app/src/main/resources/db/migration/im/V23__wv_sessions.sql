-- Wireless Village (CSP) clients. Digest login (CSP 4-way) hashes the nonce with the password itself, so the client
-- password is also kept encrypted with the operator's key (AES-GCM, subscribers.PasswordVault), next to its one-way
-- hash, which stays what a clear-text login checks.
alter table im.subscriber add column password_sealed bytea;

-- A client session's own silence timeout in seconds (the CSP KeepAliveTime it agreed, plus a grace); null: the
-- platform default (mobim.presence.session-timeout).
alter table im.client_session add column timeout_seconds int check (timeout_seconds > 0);

-- A CSP session: its SessionID is a bearer secret, so only its SHA-256 is stored. The row outlives the client session
-- it names (client_session_id is not a foreign key) by mobim.wv.ended-session-retention, so that a client still
-- using an ended session is told why (600 expired, 601 forced out, 604 logged out or unknown) by any instance.
create table im.wv_session (
    token_hash          bytea        primary key,
    client_session_id   uuid         not null unique,
    msisdn              varchar(16)  not null,
    csp_version         varchar(3)   not null check (csp_version in ('1.1', '1.2')),
    client_id           varchar(200),
    session_cookie      varchar(200),
    keep_alive_seconds  int          not null check (keep_alive_seconds > 0),
    delivery_method     varchar(1)   not null default 'P' check (delivery_method in ('P', 'N')),
    started_at          timestamptz  not null,
    ended_at            timestamptz,
    end_reason          varchar(16)  check (end_reason in ('LOGGED_OUT', 'EXPIRED', 'FORCED_OUT'))
);
create index wv_session_msisdn on im.wv_session (msisdn) where ended_at is null;
create index wv_session_ended on im.wv_session (ended_at) where ended_at is not null;

-- When a client of the presentity was handed the request (a CSP PresenceAuth-Request on a poll): each request goes
-- out to a client once. Null: no client was told yet (the SMS notice goes out regardless).
alter table im.presence_authorization add column client_told_at timestamptz;
