-- Reference exchange rates the clearing team publishes per day (agreements with fxRule PERIOD_END): settlement-currency
-- units (quote_currency) per unit of currency. A day's rate once published may be corrected until a statement used it;
-- closed statements keep the rates they used on their lines.
create table exchange_rate (
    rate_date      date          not null,
    currency       char(3)       not null,
    quote_currency char(3)       not null,
    rate           numeric(20,8) not null check (rate > 0),
    source         varchar(16)   not null,
    published_at   timestamptz   not null,
    constraint exchange_rate_pk primary key (currency, quote_currency, rate_date)
);
