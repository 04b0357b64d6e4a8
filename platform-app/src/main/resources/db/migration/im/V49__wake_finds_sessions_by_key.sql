-- im.wake (V47) finds the live sessions of the subscribers it is given one by one through client_session_msisdn, as a
-- lookup with "limit 1" that PostgreSQL cannot turn into a join. As "exists" it became a semi-join that hashed every
-- client session whenever the planner judged that cheaper than a probe per subscriber, for each batch of deliveries.
create or replace function im.wake(kinds text, msisdns text[]) returns void language plpgsql as $$
declare
    chunk text[];
    n int;
begin
    select array_agg(m) into chunk
    from (select distinct m from unnest(msisdns) m where m is not null) x(m)
    cross join lateral (select 1 from im.client_session s where s.msisdn = x.m and s.expires_at > now() limit 1) live;
    n := coalesce(array_length(chunk, 1), 0);
    for i in 1..n by 300 loop
        perform pg_notify('im_wake', '@' || kinds || ',' || array_to_string(chunk[i:i + 299], ','));
    end loop;
end $$;
