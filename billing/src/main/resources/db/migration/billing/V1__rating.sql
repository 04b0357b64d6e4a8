-- billing owns the schema "billing"; no other module reads these tables.
create schema if not exists billing;

-- Amounts and prices are unconstrained numeric: exact, and they keep the scale they were written with
-- (the plan's decimals), so 0.10 reads back as 0.10.
-- Tariff plans: immutable versions with an activation instant; a change or a correction is a new version.
create table billing.tariff_plan_version (
    plan_id     varchar(64)  not null,
    version     integer      not null check (version >= 1),
    name        varchar(200) not null,
    active_from timestamptz  not null,
    currency    char(3)      not null,
    rounding    varchar(16)  not null,
    decimals    integer      not null check (decimals between 0 and 6),
    created_at  timestamptz  not null default now(),
    primary key (plan_id, version)
);

create table billing.tariff_component (
    plan_id        varchar(64)   not null,
    version        integer       not null,
    position       integer       not null,
    component_id   varchar(32)   not null,
    type           varchar(24)   not null,
    directions     varchar(64)   not null default '',  -- comma-separated SENT,RECEIVED
    channels       varchar(64)   not null default '',  -- comma-separated SMS,CLIENT,INTEROP
    price          numeric       not null check (price >= 0),
    block_bytes    bigint        not null default 0,
    included_units bigint        not null default 0,
    primary key (plan_id, version, position),
    unique (plan_id, version, component_id),
    foreign key (plan_id, version) references billing.tariff_plan_version (plan_id, version)
);

-- Subscriber -> plan, as billing knows it: set by the billing team (source API) or learned from events (EVENT).
create table billing.account (
    msisdn     varchar(16)  not null,
    valid_from timestamptz  not null,
    plan_id    varchar(64)  not null,
    source     varchar(8)   not null check (source in ('API', 'EVENT')),
    updated_at timestamptz  not null default now(),
    primary key (msisdn, valid_from)
);

-- The CDR: one current version per event (exactly once), older versions kept after re-rating.
create table billing.rated_record (
    id                  bigint generated always as identity primary key,
    event_id            uuid          not null,
    version             integer       not null check (version >= 1),
    current             boolean       not null,
    node_id             varchar(64)   not null,
    sequence            bigint        not null,
    event_time          timestamptz   not null,
    business_day        date          not null,
    period              char(7)       not null,
    msisdn              varchar(16)   not null,
    charged_role        varchar(12)   not null,
    kind                varchar(16)   not null,
    channel             varchar(8)    not null,
    direction           varchar(8),
    service             boolean       not null,
    event_plan          varchar(64),
    message_id          varchar(128),
    other_party         varchar(128),
    other_operator      varchar(32),
    smsc_reference      varchar(65),
    segments            integer,
    bytes               bigint,
    plan_id             varchar(64)   not null,
    plan_version        integer       not null,
    charged_units       bigint        not null,
    allowance_units     bigint        not null,
    amount              numeric       not null,
    pass_through_amount numeric       not null,
    currency            char(3)       not null,
    rule                varchar(400)  not null,
    rated_at            timestamptz   not null,
    rating_reason       varchar(16)   not null check (rating_reason in ('RATED', 'RECYCLED', 'RERATED')),
    constraint rated_record_event_version unique (event_id, version)
);
create unique index rated_record_one_current on billing.rated_record (event_id) where current;
create index rated_record_subscriber_period on billing.rated_record (msisdn, period) where current;
create index rated_record_day on billing.rated_record (business_day) where current;

-- Events that could not be rated (unknown subscriber, unknown plan...): kept with the reason, recyclable.
create table billing.rejected_event (
    event_id      uuid         primary key,
    node_id       varchar(64)  not null,
    sequence      bigint       not null,
    event_time    timestamptz  not null,
    business_day  date         not null,
    msisdn        varchar(16)  not null,
    reason_code   varchar(24)  not null,
    reason        varchar(400) not null,
    payload       text         not null,
    rejected_at   timestamptz  not null,
    attempts      integer      not null default 1,
    status        varchar(10)  not null check (status in ('OPEN', 'RECYCLED')),
    recycled_at   timestamptz
);
create index rejected_event_open on billing.rejected_event (reason_code) where status = 'OPEN';
create index rejected_event_day on billing.rejected_event (business_day);

-- Allowance units used per month and daily fees charged per day, per subscriber.
create table billing.usage_counter (
    msisdn  varchar(16) not null,
    counter varchar(48) not null,
    period  varchar(10) not null,
    used    bigint      not null,
    primary key (msisdn, counter, period)
);
