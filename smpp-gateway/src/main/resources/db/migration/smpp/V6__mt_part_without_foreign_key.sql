-- mt_part's rows are written by the ledger alone, each after its request is taken. The foreign key checked every
-- part it wrote with a row lock on the request (select ... for key share), a write to the request's row that the
-- request's own updates then waited on and carried. Retention deletes a forgotten request's parts itself
-- (JdbcMtRetention), in the statement that deletes the request.
alter table smpp.mt_part drop constraint mt_part_request_id_fkey;
