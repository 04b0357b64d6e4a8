-- The console's subscriber search ("contains", ignoring case, on the number or the nickname) as trigram indexes, so a
-- search and its count read the matching rows rather than the whole table. pg_trgm ships with PostgreSQL (contrib)
-- and is a trusted extension: a database owner may create it. The operator class is named with the schema the
-- extension lives in, which is im when this migration creates it and may be another when it was there before.
create extension if not exists pg_trgm;
do $$
declare
    ext_schema text;
begin
    select n.nspname into ext_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    execute format('create index subscriber_nickname_trgm on im.subscriber using gin (lower(nickname) %I.gin_trgm_ops)', ext_schema);
    execute format('create index subscriber_msisdn_trgm on im.subscriber using gin (msisdn %I.gin_trgm_ops)', ext_schema);
end
$$;
