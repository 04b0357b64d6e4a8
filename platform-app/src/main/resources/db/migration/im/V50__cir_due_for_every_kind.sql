-- CIR wakes for everything a poll hands out, not only messages: a CIR session is marked due (wv_session.cir_due_at,
-- V41) whenever anything of a polled kind starts waiting for its subscriber (a message, a delivery report, an
-- invitation or its answer or cancellation, a group change notice, a presence authorisation request, a presence
-- change), by im.wake itself, which every writer's trigger calls with the kinds (V47); the session settings kind
-- ('s') marks nothing. The CIR sweeper then looks at what still waits unclaimed of each kind that wakes the session's
-- method (mobim.wv.cir.sms-wakes for an SMS wake; every kind over TCP) and wakes it, or forgets the mark.
--
-- As in V41 only a session not due yet is updated, so that a busy subscriber's row is written once per sweep rather
-- than by every send to them. Unlike V41 a row locked by another transaction is skipped rather than waited for: many
-- triggers now mark, several per transaction (an authorisation marks the presentity then the watcher, an attribute
-- list change each watcher), and waiting could deadlock two writers marking the same sessions in opposite orders.
-- What holds the row is another marker (it marks it due), the sweeper (due rows: not marked anyway; a settled wake)
-- or the session's own client changing its settings: a mark skipped then only leaves what waits for the next poll.
drop trigger delivery_cir_insert on im.delivery;
drop trigger delivery_cir_update on im.delivery;
drop function im.cir_due_on_delivery();

-- im.wake keeps its notifications (V49) under another name, and marks after them
alter function im.wake(text, text[]) rename to notify_wake;

create function im.wake(kinds text, msisdns text[]) returns void language plpgsql as $$
begin
    perform im.notify_wake(kinds, msisdns);
    if replace(kinds, 's', '') <> '' then
        update im.wv_session set cir_due_at = now()
        where client_session_id in (
            select w.client_session_id from im.wv_session w
            where w.msisdn = any(msisdns) and w.ended_at is null and w.cir_method is not null and w.cir_due_at is null
            for update skip locked);
    end if;
end $$;
