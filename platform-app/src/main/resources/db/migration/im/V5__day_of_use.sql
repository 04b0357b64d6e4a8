-- The days on which each subscriber used the service: the first use of a day records the daily access charge.
create table im.day_of_use (
    msisdn      varchar(16)  not null,
    day         date         not null,
    primary key (msisdn, day)
);
