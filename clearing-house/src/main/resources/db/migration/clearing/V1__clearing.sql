-- The clearing house: inter-operator records as both sides reported them, the messages they add up to (matched or
-- disputed), agreements and their effective terms, statements, and long-running jobs.

-- One side's report of one message (io.mobim.events.interop.InteropRecord), append-only, deduplicated by record_id.
-- seq orders arrivals: a matching run takes the records after the last run's seq. No sequence cache, and ingest holds
-- the clearing lock shared while matching holds it exclusive, so no record commits below a run's high-water mark.
create table interop_record (
    seq                  bigint generated always as identity,
    record_id            uuid         not null,
    side                 varchar(12)  not null check (side in ('ORIGINATING', 'TERMINATING')),
    originating_operator varchar(16)  collate "C" not null,
    terminating_operator varchar(16)  collate "C" not null,
    message_id           varchar(128) collate "C" not null,
    sender               varchar(16)  not null,
    recipient            varchar(16)  not null,
    event_time           timestamptz  not null,
    channel              varchar(8)   not null check (channel in ('SMS', 'CLIENT')),
    units                smallint     not null check (units between 1 and 255),
    source               varchar(8)   not null check (source in ('KAFKA', 'CSV')),
    upload_id            uuid,
    received_at          timestamptz  not null,
    constraint interop_record_pk primary key (record_id)
);
-- records are appended in seq order: a block-range index finds a run's records at a fraction of a b-tree's upkeep
create index interop_record_seq on interop_record using brin (seq);

-- Agreement versions as they were given (terms = the validated JSON). A version is never changed; a new one is added.
create table agreement (
    agreement_id varchar(64) not null,
    version      integer     not null,
    party_a      varchar(16) not null,
    party_b      varchar(16) not null,
    valid_from   date        not null,
    valid_to     date,
    terms        jsonb       not null,
    created_at   timestamptz not null,
    constraint agreement_pk primary key (agreement_id, version),
    constraint agreement_valid check (valid_to is null or valid_to > valid_from)
);

-- Which agreement version governs traffic from one operator to the other at a time: the agreements' versions flattened
-- into intervals that do not overlap (the highest version wins), rebuilt whenever a version is added. Matching joins it.
create table agreement_term (
    agreement_id         varchar(64)  not null,
    version              integer      not null,
    originating_operator varchar(16)  collate "C" not null,
    terminating_operator varchar(16)  collate "C" not null,
    valid_from           timestamptz  not null,
    valid_to             timestamptz,
    time_tolerance_s     integer      not null,
    units_tolerance_pct  numeric(5,2) not null
);
create index agreement_term_pair on agreement_term (originating_operator, terminating_operator);

-- Whether both sides agree (outcome MATCHED), are still waiting for the other side (PENDING_*), or disagree (a reason).
create function classify(o_count integer, t_count integer, o_time timestamptz, t_time timestamptz, o_units integer,
                         t_units integer, operators_agree boolean, time_tolerance_s integer, units_tolerance_pct numeric)
    returns varchar language sql immutable as
$$
select case
           when not operators_agree then 'OPERATOR_MISMATCH'
           when o_count > 1 or t_count > 1 then 'DUPLICATE'
           when time_tolerance_s is null then 'NO_AGREEMENT'
           when o_count = 0 then 'PENDING_TERMINATING'
           when t_count = 0 then 'PENDING_ORIGINATING'
           when abs(extract(epoch from (t_time - o_time))) > time_tolerance_s then 'TIME_MISMATCH'
           when abs(o_units - t_units) * 100 > units_tolerance_pct * greatest(o_units, t_units) then 'UNITS_MISMATCH'
           else 'MATCHED'
       end
$$;

create function status_of(outcome varchar) returns varchar language sql immutable as
$$
select case when outcome = 'MATCHED' then 'MATCHED' when outcome like 'PENDING%' then 'PENDING' else 'DISPUTED' end
$$;

-- One message as the two sides' records add up: matched, pending (one side so far), or disputed with a reason (the
-- outcome; the operators resolve or write off disputes). settle_seq: the run that made it settleable (MATCHED or RESOLVED); a statement
-- closed with (settled_until, settled_seq) covers every message of its agreement with event_time < settled_until and
-- settle_seq <= settled_seq, and such a message is never settled again.
create table message (
    id                   bigint generated always as identity (cache 1000),
    originating_operator varchar(16)  collate "C" not null,
    message_id           varchar(128) collate "C" not null,
    terminating_operator varchar(16)  collate "C" not null,
    channel              varchar(8)   not null,
    agreement_id         varchar(64),
    o_count              integer      not null,
    t_count              integer      not null,
    o_time               timestamptz,
    t_time               timestamptz,
    o_units              smallint,
    t_units              smallint,
    operators_agree      boolean      not null,
    event_time           timestamptz  not null,
    time_tolerance_s     integer,
    units_tolerance_pct  numeric(5,2),
    outcome              varchar(24)  not null,
    status               varchar(12)  not null check (status in ('PENDING', 'MATCHED', 'DISPUTED', 'RESOLVED', 'WRITTEN_OFF')),
    settle_seq           bigint,
    resolved_units       smallint,
    note                 varchar(500),
    disputed_at          timestamptz,
    closed_at            timestamptz,
    constraint message_pk primary key (originating_operator, message_id)
);
-- keys are codes and ids, compared byte by byte (collation "C"): a locale's collation costs more per comparison.
-- Only disputes are looked up by id, so only they are indexed by it.
create unique index message_dispute_id on message (id) where status in ('DISPUTED', 'RESOLVED', 'WRITTEN_OFF');
create index message_open on message (status) where status in ('PENDING', 'DISPUTED');

-- The sequence of matching runs and dispute resolutions (settle_seq); the last run's position in interop_record.
create sequence run_seq;
create table match_state (
    singleton    boolean primary key default true check (singleton),
    last_seq     bigint  not null
);
insert into match_state values (true, 0);

-- Per agreement: what its closed statements cover (see message.settle_seq).
create table settled_state (
    agreement_id  varchar(64) primary key,
    settled_until timestamptz not null,
    settled_seq   bigint      not null
);

create table statement (
    id           bigint generated always as identity primary key,
    agreement_id varchar(64) not null,
    period       varchar(10) not null,
    period_start timestamptz not null,
    period_end   timestamptz not null,
    status       varchar(8)  not null check (status in ('DRAFT', 'CLOSED')),
    currency     char(3)     not null,
    gross_a_to_b numeric     not null,
    gross_b_to_a numeric     not null,
    net_amount   numeric,
    net_payer    varchar(16),
    settled_seq  bigint      not null,
    body         jsonb       not null,
    created_at   timestamptz not null,
    closed_at    timestamptz
);
create unique index statement_closed on statement (agreement_id, period_start) where status = 'CLOSED';
create unique index statement_draft on statement (agreement_id, period_start) where status = 'DRAFT';

-- Long runs (matching, settlement) and how far they are.
create table job (
    id          uuid primary key,
    kind        varchar(16)  not null,
    status      varchar(12)  not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    phase       varchar(200),
    done        integer      not null default 0,
    total       integer      not null default 0,
    result      jsonb,
    error       varchar(2000),
    started_at  timestamptz  not null,
    finished_at timestamptz
);
