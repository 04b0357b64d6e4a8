-- One outbox row per transaction instead of one per record: a row holds all the records its transaction wrote, in
-- the order they were appended, one array element per record in each of the four arrays. Per message this is one
-- heap tuple, one index entry and one delete instead of two of each, and the relay reads half as many (dead) index
-- entries. Pending records stay readable with SQL: see the view im.outbox_record below.
--
-- Every IM instance must run this version's code: an older instance's outbox insert fails against this table (its
-- transactions roll back, nothing is half-written) until it is replaced.

alter table im.outbox rename to outbox_before_v16;
alter index im.outbox_pkey rename to outbox_before_v16_pkey;

create table im.outbox (
    -- the same sequence as before: the rows converted below keep their ids, new ones come after them
    id              bigint         primary key default nextval('im.outbox_id_seq'),
    topics          varchar(64)[]  not null,
    record_keys     varchar(64)[]  not null,
    payloads        bytea[]        not null,
    -- per record: a charging event that gets the relaying node's id and its next gap-free sequence number
    stamp_sequence  boolean[]      not null,
    created_at      timestamptz    not null,
    constraint outbox_records check (cardinality(topics) > 0
        and cardinality(record_keys) = cardinality(topics)
        and cardinality(payloads) = cardinality(topics)
        and cardinality(stamp_sequence) = cardinality(topics))
);
alter sequence im.outbox_id_seq owned by im.outbox.id;

-- a row of 70-400 records is tens of KB and goes to TOAST; stored there uncompressed: the rows live for
-- milliseconds, and pglz compressing every row on insert cost more PostgreSQL CPU than the extra TOAST chunks
-- (docs/performance.md, IM core, session 6)
alter table im.outbox alter column payloads set storage external;

-- records pending at the upgrade: one row each, in their order, under their own ids
insert into im.outbox (id, topics, record_keys, payloads, stamp_sequence, created_at)
select id, array[topic], array[record_key], array[payload], array[stamp_sequence], created_at
from im.outbox_before_v16
order by id;

drop table im.outbox_before_v16;

-- Pending records one per line, in publishing order: select outbox_id, position, topic, record_key,
-- convert_from(payload, 'UTF8') from im.outbox_record order by outbox_id, position
create view im.outbox_record as
select o.id as outbox_id, r.position, r.topic, r.record_key, r.payload, r.stamp_sequence, o.created_at
from im.outbox o
cross join lateral unnest(o.topics, o.record_keys, o.payloads, o.stamp_sequence)
    with ordinality as r(topic, record_key, payload, stamp_sequence, position);
