-- The sweep's expiry (Messaging.sweep: PENDING deliveries whose validity ran out) had an index of PENDING and
-- IN_FLIGHT deliveries by expires_at (V12) that the planner never used: it judges "expires_at <= now" by the whole
-- table, where nearly every delivery is finished and long past its validity, so the index looked unselective, and it
-- read the index of waiting deliveries (delivery_waiting_since) whole instead, filtering each row on expires_at,
-- every sweep on every instance, with statistics taken with or without a backlog. With 200,000 messages stored for
-- subscribers without SMS, a sweep with nothing due cost 61-68 ms; with this index, which has the query's own
-- predicate, the planner looks up the due ones (0.2 ms). It also leaves out the SMS deliveries whose receipt never
-- came, which stay IN_FLIGHT for good.
create index delivery_waiting_expiry on im.delivery (expires_at) where status = 'PENDING';
drop index im.delivery_open_expiry;
