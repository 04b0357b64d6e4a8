-- The MT ledger written in batches, with updates that can be HOT (heap-only tuples: no index touched):
-- no index covers a column the gateway updates (state, outcome_published, parts, body, receipt_*), and pages
-- keep room for the new row versions. The open-requests index (its predicate read state and outcome_published,
-- so every state change had to update it) gives way to the order in which MTs were taken: PENDING MTs are read
-- back in that order, a page at a time, after a restart or when more are waiting than the gateway holds in memory.
drop index if exists smpp.mt_request_open_idx;
alter table smpp.mt_request add column taken_seq bigint generated always as identity;
create unique index mt_request_taken_idx on smpp.mt_request (taken_seq);
alter table smpp.mt_request set (fillfactor = 70);
alter table smpp.mt_part set (fillfactor = 80);
