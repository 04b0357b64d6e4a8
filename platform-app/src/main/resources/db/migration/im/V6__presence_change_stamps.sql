-- Presence fan-out on read. A presence change stamps the presentity's one row with the id of the transaction
-- that wrote it (xid8: 64 bits, never wraps); a client session remembers the snapshot of its last poll. Its next
-- poll returns the visible contacts whose stamp that snapshot did not see: a change committed out of order
-- (a lower transaction id committing after a poll) is still in that snapshot's in-progress list, so it is
-- returned by the next poll and never missed. An update then writes one row, whatever the number of watchers.
alter table im.presence add column change_xid xid8 not null default '0';
alter table im.client_session add column presence_snapshot pg_snapshot;
alter table im.client_session drop column presence_dirty;
