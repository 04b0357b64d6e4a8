-- Rated records in one partition per billing period: range partitions of billing.rated_record by business_day, one
-- calendar month each (a billing period is the month of the business day, so a partition holds exactly one period),
-- plus a default partition that takes any row whose month has no partition yet, so no record is ever refused.
-- Why: each month's indexes stay the size of one month, so writing a record costs the same in the second year as in
-- the first (the indexes of one ever-growing table get slower to write as they outgrow memory); within a partition
-- the subscriber index needs no period column; an old month can be detached or dropped whole.
-- Partitions are created ahead of time by the billing role (this month and mobim.billing.partitions.months-ahead
-- more, checked at start and every hour) and on demand by the rating path before it writes a month it has not seen,
-- both through billing.create_rated_record_partition below, which an operator may also call by hand.
-- The primary key must hold the partition key: (event_id, version, business_day). A replayed event has the same
-- event time, hence the same business day and partition, so the key still stops a second record of it; the lookup
-- on the replay path reads every partition.
alter table billing.rated_record rename to rated_record_v7;
alter table billing.rated_record_v7 rename constraint rated_record_pkey to rated_record_v7_pkey;
alter index billing.rated_record_subscriber_period rename to rated_record_v7_subscriber_period;
alter index billing.rated_record_day rename to rated_record_v7_day;

create table billing.rated_record (
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
    constraint rated_record_pkey primary key (event_id, version, business_day)
) partition by range (business_day);
-- bills and re-rating by subscriber and period: the period is the partition, the index needs only the subscriber
create index rated_record_subscriber on billing.rated_record (msisdn) where current;
-- reconciliation by business day
create index rated_record_day on billing.rated_record (business_day) where current;
create table billing.rated_record_default partition of billing.rated_record default;

-- Creates the partition of the month of "month" (any day of it) if there is none: billing.rated_record_YYYY_MM.
-- Rows of that month already in the default partition are moved into it in the same transaction. Returns whether
-- it created one. Takes a short exclusive lock on billing.rated_record: rating waits for it, once a month.
create function billing.create_rated_record_partition(month date) returns boolean language plpgsql as $$
declare
    first_day  date := date_trunc('month', month)::date;
    next_month date := (date_trunc('month', month) + interval '1 month')::date;
    name       text := 'rated_record_' || to_char(date_trunc('month', month), 'YYYY_MM');
begin
    -- one creator at a time: two listener threads (or nodes) may meet the same new month together
    perform pg_advisory_xact_lock(hashtext('billing.rated_record partitions'));
    if to_regclass('billing.' || name) is not null then
        return false;
    end if;
    if exists (select 1 from billing.rated_record_default where business_day >= first_day and business_day < next_month) then
        execute format('create table billing.%I (like billing.rated_record including defaults including constraints)', name);
        execute format('with moved as (delete from billing.rated_record_default where business_day >= $1 and business_day < $2 returning *) '
                       'insert into billing.%I select * from moved', name) using first_day, next_month;
        execute format('alter table billing.rated_record attach partition billing.%I for values from (%L) to (%L)',
                       name, first_day, next_month);
    else
        execute format('create table billing.%I partition of billing.rated_record for values from (%L) to (%L)',
                       name, first_day, next_month);
    end if;
    return true;
end
$$;

select billing.create_rated_record_partition(m)
from (select distinct date_trunc('month', business_day)::date as m from billing.rated_record_v7) months;

insert into billing.rated_record (event_id, version, current, node_id, sequence, event_time, business_day, period, msisdn,
        charged_role, kind, channel, direction, service, event_plan, message_id, other_party, other_operator, smsc_reference,
        segments, bytes, plan_id, plan_version, charged_units, allowance_units, amount, pass_through_amount, currency, rule,
        rated_at, rating_reason)
select event_id, version, current, node_id, sequence, event_time, business_day, period, msisdn,
        charged_role, kind, channel, direction, service, event_plan, message_id, other_party, other_operator, smsc_reference,
        segments, bytes, plan_id, plan_version, charged_units, allowance_units, amount, pass_through_amount, currency, rule,
        rated_at, rating_reason
from billing.rated_record_v7;

drop table billing.rated_record_v7;
