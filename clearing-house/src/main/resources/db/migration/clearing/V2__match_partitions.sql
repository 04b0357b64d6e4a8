-- Matching merges a run's records in partitions of the message key, each partition on its own connection in its own
-- transaction, side by side. A message's partition is abs(key_hash % partitions), key_hash = hashtextextended(message_id, 0)
-- (PostgreSQL keeps that function stable across releases: hash-partitioned tables depend on it).
-- The key index leads with key_hash: a run inserts its messages sorted by it, so the index is written in its own order,
-- and the sort compares 8-byte hashes instead of codes and ids that share long prefixes.
alter table message add column key_hash bigint;
update message set key_hash = hashtextextended(message_id, 0);
alter table message alter column key_hash set not null;
alter table message drop constraint message_pk;
alter table message add constraint message_pk primary key (key_hash, originating_operator, message_id);

-- How far each partition has merged interop_record (seq). One row per partition; partitions merge and commit apart,
-- so after a failed run they may stand at different positions, and each takes up from its own.
create table match_partition (
    part     integer primary key check (part >= 0),
    last_seq bigint  not null
);
insert into match_partition select 0, last_seq from match_state;
drop table match_state;
