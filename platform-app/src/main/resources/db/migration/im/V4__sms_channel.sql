-- MOs already handled, so that a replay from Kafka (a crash before the offset commit) changes nothing.
create table im.sms_mo_handled (
    mo_id       varchar(128) primary key,
    handled_at  timestamptz  not null
);
create index sms_mo_handled_at on im.sms_mo_handled (handled_at);
