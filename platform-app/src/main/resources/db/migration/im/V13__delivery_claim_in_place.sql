-- A client's claim of a delivery no longer changes its status: a claimed delivery stays PENDING with claimed_at and
-- session_id set (IN_FLIGHT is left to the SMS channel), and the claim changes no indexed column, so PostgreSQL
-- rewrites the row in place (a HOT update: no new index entries) instead of adding a tuple with five. For that the
-- index of client claims goes (the sweep finds stale claims among the old PENDING rows, delivery_waiting_since: a
-- claim never changes updated_at), and pages keep room for the rewrite.
update im.delivery set status = 'PENDING' where status = 'IN_FLIGHT' and channel = 'CLIENT';
drop index im.delivery_client_claims;
alter table im.delivery set (fillfactor = 80);

-- A fetch reads a recipient's waiting deliveries oldest first, up to its limit: in this order the scan stops at the
-- limit, and as a plain index scan it marks the entries of delivered rows dead as it passes them (a bitmap scan of
-- (recipient, status) read every entry left since the last vacuum: 40 per message under load). Nothing reads
-- deliveries by recipient in any other status.
drop index im.delivery_open_by_recipient;
create index delivery_waiting_by_recipient on im.delivery (recipient, updated_at) where status = 'PENDING';
