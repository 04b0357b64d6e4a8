-- A delivery's message exists by construction: deliveries are inserted only by the statement that inserts their
-- message, and messages are never deleted. The foreign key checked it again for every delivery, with a per-row
-- trigger, a lookup of the message and a lock written on its row (a WAL record): about 5% of PostgreSQL's CPU per
-- message under load. Whoever adds a retention purge of messages deletes their deliveries in the same statement.
alter table im.delivery drop constraint delivery_message_id_fkey;
