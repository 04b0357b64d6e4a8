-- Changes that lower or remove usage counters (a re-rating starts a month again from zero, someone corrects a counter
-- by hand) bump billing.account_generation (V7), so that rating can keep the counters it read or wrote in memory
-- between batches (UsageCounterStore) and read them again only when that number moved. Rating only ever raises
-- counters or creates them, and a write of a counter checks the value it was read with: a counter someone else
-- raised meanwhile fails that write and the batch is rated again from the table. A lowered or removed counter would
-- not be noticed that way (an exhausted allowance read from memory writes nothing), hence these triggers. One
-- number tags both of rating's caches: these changes and the billing team's account changes are both rare, and
-- either makes rating read accounts and counters again.
create trigger usage_counter_lowered after update on billing.usage_counter
    for each row when (new.used < old.used or new.msisdn <> old.msisdn or new.counter <> old.counter or new.period <> old.period)
    execute function billing.bump_account_generation();
create trigger usage_counter_removed after delete on billing.usage_counter
    for each statement execute function billing.bump_account_generation();
create trigger usage_counter_truncated after truncate on billing.usage_counter
    for each statement execute function billing.bump_account_generation();
