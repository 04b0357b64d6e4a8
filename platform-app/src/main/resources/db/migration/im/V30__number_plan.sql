-- The number plan: which operator each MSISDN belongs to. Prefix ranges per operator (this operator's own and its
-- peers'), maintained through the admin API; the longest matching prefix wins.
create table im.number_prefix (
    prefix      varchar(16)  primary key check (prefix ~ '^\+[1-9][0-9]{0,14}$'),
    operator    varchar(16)  not null check (operator ~ '^[A-Z0-9][A-Z0-9-]{2,15}$'),
    updated_at  timestamptz  not null
);

-- Numbers that moved to another operator, imported from the operator's portability export: a row here overrides
-- the prefix ranges for that one number.
create table im.ported_number (
    msisdn       varchar(16)  primary key check (msisdn ~ '^\+[1-9][0-9]{6,14}$'),
    operator     varchar(16)  not null check (operator ~ '^[A-Z0-9][A-Z0-9-]{2,15}$'),
    ported_at    timestamptz,
    imported_at  timestamptz  not null
);
