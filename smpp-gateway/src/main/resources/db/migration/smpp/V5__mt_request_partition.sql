-- Which partition of sms.mt.v1 each MT came from. With several gateway replicas, an MT belongs to the replica that
-- owns its partition (sms.mt.v1 is keyed by recipient, so one handset's MTs share a partition): a replica reads back
-- only the PENDING MTs of the partitions assigned to it, and resumes a partition's MTs when it is assigned one.
-- Null for MTs taken before this column existed (and MTs not taken from Kafka): the owner of partition 0 resumes them.
-- Not indexed and never updated: the ledger's updates stay HOT; PENDING MTs are still read by taken_seq.
alter table smpp.mt_request add column kafka_partition integer;
