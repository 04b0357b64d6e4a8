-- The sweep (Messaging.sweep, every mobim.messaging.sweep-interval on every instance) reads only open deliveries,
-- but without these indexes its queries scanned the whole delivery table, which is never purged: a cost growing
-- with every message ever sent. Each index holds only the rows one of its queries can pick.

-- client claims not acknowledged in time (the old index also held SMS deliveries waiting for their receipt)
drop index im.delivery_in_flight;
create index delivery_client_claims on im.delivery (claimed_at) where status = 'IN_FLIGHT' and channel = 'CLIENT';
-- messages waiting for a client session, oldest first
create index delivery_waiting_since on im.delivery (updated_at) where status = 'PENDING';
-- open deliveries by end of validity
create index delivery_open_expiry on im.delivery (expires_at) where status in ('PENDING', 'IN_FLIGHT');
