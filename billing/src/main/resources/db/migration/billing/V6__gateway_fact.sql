-- Billing's own record of what the SMS gateway reported on sms.mo.v1 and sms.dlr.v1, so that the daily three-way
-- reconciliation compares the rated records with the gateway's output instead of with billing's own input.
-- One row per MO (fact_id = the gateway's MO id) and per MT (fact_id = the MT's request id); a replay of the topics
-- writes the same rows again, so nothing is counted twice.
create table billing.gateway_fact (
    direction       varchar(2)   not null check (direction in ('MO', 'MT')),
    fact_id         varchar(128) not null,
    -- the SMS-C message id of the (first) part: what the platform puts on the charging event as smscReference
    smsc_reference  varchar(65),
    status          varchar(12)  not null check (status in ('RECEIVED', 'ACCEPTED', 'DELIVERED', 'FAILED', 'EXPIRED', 'REJECTED')),
    -- the business day the gateway first reported it (MO: received; MT: its first outcome, normally ACCEPTED)
    business_day    date         not null,
    segments        integer      not null check (segments >= 0),
    -- the MT's service marker (im.message for a message delivery); null for an MO
    service         varchar(64),
    error_code      varchar(32),
    first_at        timestamptz  not null,
    status_at       timestamptz  not null,
    primary key (direction, fact_id)
);
create index gateway_fact_day on billing.gateway_fact (business_day);
