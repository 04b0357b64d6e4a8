-- CIR (Communication Initiation Request): waking a CSP client that waits to be told rather than polling. A session
-- agreed one method in ClientCapability (STCP: a line on its standing TCP connection; WAPSMS: a WAP push SMS; SSMS: a
-- plain SMS). When a message starts waiting for its subscriber, the session is marked due (cir_due_at, by the trigger
-- below, whichever instance or code path wrote the delivery); an instance's CIR sweeper wakes it (woken_at: the
-- wake's time, until it is settled) and, if the client sends nothing within mobim.wv.cir.answer-timeout of the wake,
-- ends the session, which sends what waits for it by SMS.
alter table im.wv_session add column cir_method varchar(6) check (cir_method in ('STCP', 'WAPSMS', 'SSMS'));
alter table im.wv_session add column cir_due_at timestamptz;
alter table im.wv_session add column woken_at timestamptz;
create index wv_session_cir_due on im.wv_session (cir_due_at) where cir_due_at is not null;
create index wv_session_woken on im.wv_session (woken_at) where woken_at is not null;

-- Marks the CIR sessions of the recipients of deliveries now waiting to be claimed. The rows are locked in one order,
-- so that two sends to the same recipients wait for each other instead of deadlocking; a recipient without a CIR
-- session costs one probe of wv_session_msisdn.
create function im.cir_due_on_delivery() returns trigger language plpgsql as $$
begin
    update im.wv_session set cir_due_at = now()
    where client_session_id in (
        select w.client_session_id from im.wv_session w
        where w.msisdn = any(array(select distinct recipient from new_rows where status = 'PENDING' and session_id is null))
          and w.ended_at is null and w.cir_method is not null and w.cir_due_at is null
        order by w.client_session_id for update);
    return null;
end $$;
create trigger delivery_cir_insert after insert on im.delivery referencing new table as new_rows
    for each statement execute function im.cir_due_on_delivery();
create trigger delivery_cir_update after update on im.delivery referencing new table as new_rows
    for each statement execute function im.cir_due_on_delivery();
