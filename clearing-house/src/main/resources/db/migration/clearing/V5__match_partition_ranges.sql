-- A matching partition is a range of the message key's hash (key_from to key_to, both included): each partition's
-- messages sit in a range of the key index of their own, so partitions merging side by side write apart in it. Rows
-- without a range are partitions by remainder (abs(key_hash % partitions) = part) still at different positions after a
-- failed run; they are merged as such until a run leaves them all at one position, then made ranges.
alter table match_partition add column key_from bigint;
alter table match_partition add column key_to bigint;
alter table match_partition add constraint match_partition_range
    check ((key_from is null) = (key_to is null) and (key_from is null or key_from <= key_to));
