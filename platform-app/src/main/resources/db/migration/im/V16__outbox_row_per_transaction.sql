-- One outbox row per transaction instead of one per record: a row of im.outbox_transaction holds all the records its
-- transaction wrote, in the order they were appended, one array element per record in each of the four arrays. Per
-- message this is one heap tuple, one index entry and one delete instead of two of each, and the relay reads half
-- as many (dead) index entries. Pending records stay readable with SQL: see the view im.outbox_record below.
--
-- Expand, not contract (docs/deployment.md, "Upgrades"): during a rolling update the pods of the previous version
-- still write and relay one record per row in im.outbox, untouched here; this version's relay publishes those too,
-- on its passes from the start. A later release drops im.outbox once no pod of the previous version runs.

create table im.outbox_transaction (
    -- the old table's sequence: the rows moved below keep their ids, new ones come after them
    id              bigint         primary key default nextval('im.outbox_id_seq'),
    topics          varchar(64)[]  not null,
    record_keys     varchar(64)[]  not null,
    payloads        bytea[]        not null,
    -- per record: a charging event that gets the relaying node's id and its next gap-free sequence number
    stamp_sequence  boolean[]      not null,
    created_at      timestamptz    not null,
    constraint outbox_transaction_records check (cardinality(topics) > 0
        and cardinality(record_keys) = cardinality(topics)
        and cardinality(payloads) = cardinality(topics)
        and cardinality(stamp_sequence) = cardinality(topics))
);
-- the sequence outlives im.outbox when a later release drops it
alter sequence im.outbox_id_seq owned by im.outbox_transaction.id;

-- a row of 70-400 records is tens of KB and goes to TOAST; stored there uncompressed: the rows live for
-- milliseconds, and compressing every row (pglz; this PostgreSQL build has no lz4) cost more PostgreSQL CPU than
-- the extra TOAST chunks (docs/performance.md, IM core, session 6)
alter table im.outbox_transaction alter column payloads set storage external;

-- records pending at the upgrade: one row each, in their order, under their own ids
with moved as (delete from im.outbox returning *)
insert into im.outbox_transaction (id, topics, record_keys, payloads, stamp_sequence, created_at)
select id, array[topic], array[record_key], array[payload], array[stamp_sequence], created_at
from moved
order by id;

-- Pending records one per line, in publishing order (the rows a previous version's pod wrote during an upgrade
-- included): select outbox_id, position, topic, record_key, convert_from(payload, 'UTF8') from im.outbox_record
-- order by outbox_id, position
create view im.outbox_record as
select o.id as outbox_id, r.position, r.topic, r.record_key, r.payload, r.stamp_sequence, o.created_at
from im.outbox_transaction o
cross join lateral unnest(o.topics, o.record_keys, o.payloads, o.stamp_sequence)
    with ordinality as r(topic, record_key, payload, stamp_sequence, position)
union all
select id, 1, topic, record_key, payload, stamp_sequence, created_at
from im.outbox;
