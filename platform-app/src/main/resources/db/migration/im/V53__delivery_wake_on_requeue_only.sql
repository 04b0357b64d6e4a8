-- A delivery update wakes its recipient only when it puts the delivery back in the queue (PENDING and unclaimed: a
-- claim the sweep takes back). The statement trigger of V33 ran for every update of the table, which the claims and
-- confirmations of the client committer's batches are: each captured its rows in a transition table and ran the wake
-- function over them, to find none. A row trigger with this condition is checked per row without either, and fires
-- for the same rows as before. A new delivery still wakes through the insert trigger, once per statement.
drop trigger delivery_wake_update on im.delivery;

create function im.wake_on_delivery_requeued() returns trigger language plpgsql as $$
begin
    perform im.wake('m', array[new.recipient]::text[]);
    return null;
end $$;
create trigger delivery_wake_requeue after update on im.delivery
    for each row when (new.status = 'PENDING' and new.session_id is null)
    execute function im.wake_on_delivery_requeued();

-- im.wake marks the CIR sessions of the subscribers it is given (V50). Most sessions have no CIR channel, or are
-- already due: this index holds only the sessions the mark can change, so for a batch of woken subscribers without
-- one the mark reads a few index pages instead of each subscriber's session row.
create index wv_session_cir_markable on im.wv_session (msisdn)
    where ended_at is null and cir_method is not null and cir_due_at is null;

-- The wake functions keep their statements' plans. The client and send committers' transactions plan every statement
-- for the tables as they are (plan_cache_mode = force_custom_plan, for the delivery table's partial indexes), which
-- also had the statements inside these functions planned again on every call, several per batch; they look up
-- sessions by key, whose plan does not depend on the values.
alter function im.wake(text, text[]) set plan_cache_mode = auto;
alter function im.notify_wake(text, text[]) set plan_cache_mode = auto;
alter function im.wake_on_delivery() set plan_cache_mode = auto;
