-- Whether owner refuses other, as a table of one row (refused) in place of the scalar im.refuses. PostgreSQL never
-- inlines a scalar SQL function whose body has subqueries, so im.refuses ran as a function call of its own for every
-- row that asked (a message's recipient, a watcher to notify), most of the cost of the statements that used it.
-- A set-returning SQL function is inlined where it is called from a FROM clause, so callers write
-- (select refused from im.refusal(owner, other)) and the look-ups become part of their own plan.
create function im.refusal(owner_msisdn varchar, other_msisdn varchar) returns table (refused boolean)
language sql stable as $$
    select (coalesce(u.block_list, true)
                and exists (select 1 from im.block b where b.owner = owner_msisdn and b.blocked = other_msisdn))
        or (coalesce(u.grant_list, false)
                and not exists (select 1 from im.grant_entry g where g.owner = owner_msisdn and g.granted = other_msisdn))
    from (select owner_msisdn) o left join im.access_list_use u on u.owner = o.owner_msisdn
$$;

drop function im.refuses(varchar, varchar);
