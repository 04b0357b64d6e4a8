-- A counter of the changes that lower or remove usage counters (a re-rating starts a month again from zero, or
-- someone corrects a counter by hand), so that rating can keep the counters it read or wrote in memory between
-- batches (UsageCounterStore) and read them again only when this number moved. Rating only ever raises counters
-- or creates them, and a write of a counter checks the value it was read with: a counter someone else raised
-- meanwhile fails that write and the batch is rated again with the counters read afresh. A lowered or removed
-- counter would not be noticed that way (an exhausted allowance read from memory writes nothing), hence this.
create table billing.usage_counter_generation (
    id    boolean primary key default true check (id),
    value bigint  not null
);
insert into billing.usage_counter_generation (id, value) values (true, 0);

create function billing.bump_usage_counter_generation() returns trigger language plpgsql as $$
begin
    update billing.usage_counter_generation set value = value + 1;
    return null;
end
$$;

create trigger usage_counter_lowered after update on billing.usage_counter
    for each row when (new.used < old.used or new.msisdn <> old.msisdn or new.counter <> old.counter or new.period <> old.period)
    execute function billing.bump_usage_counter_generation();
create trigger usage_counter_removed after delete on billing.usage_counter
    for each statement execute function billing.bump_usage_counter_generation();
create trigger usage_counter_truncated after truncate on billing.usage_counter
    for each statement execute function billing.bump_usage_counter_generation();
