-- Delivery reports waiting for a sender's client (a sender with a live client session when the report came; SMS
-- tells the others): handed out on the client's next poll, any session, and deleted as they go out.
create table im.client_delivery_report (
    message_id      uuid         not null,
    recipient       varchar(16)  not null,
    sender          varchar(16)  not null,
    status          varchar(16)  not null check (status in ('DELIVERED', 'FAILED', 'EXPIRED')),
    reported_at     timestamptz  not null,
    primary key (message_id, recipient)
);
create index client_delivery_report_sender on im.client_delivery_report (sender, reported_at);
