-- A counter of the billing team's changes to subscribers' plans, so that rating can keep the account rows it read
-- in memory and read them again only when this number moved (AccountDirectory). Every insert, update or delete of
-- billing.account bumps it in the same transaction, whoever makes it (API, JPA, SQL by hand), except the rows
-- rating learns from events: those are written only for subscribers with no row at all, which are never cached.
create table billing.account_generation (
    id    boolean primary key default true check (id),
    value bigint  not null
);
insert into billing.account_generation (id, value) values (true, 0);

create function billing.bump_account_generation() returns trigger language plpgsql as $$
begin
    update billing.account_generation set value = value + 1;
    return null;
end
$$;

create trigger account_changed_by_team after insert on billing.account
    for each row when (new.source <> 'EVENT') execute function billing.bump_account_generation();
create trigger account_changed after update or delete on billing.account
    for each statement execute function billing.bump_account_generation();
