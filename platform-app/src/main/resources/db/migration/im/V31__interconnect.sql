-- Messages that cross operators. im.message.peer_operator names the peer operator of a message: the one it was
-- handed to (a message to a peer's subscriber, which has no im.delivery here) or the one it came from (origin
-- channel INTEROP, delivered here as any other).
alter table im.message add column peer_operator varchar(16);

-- What became of each message handed to a peer operator over the server-to-server interface: the peer took it
-- (HANDED_OVER, its originating inter-operator record was written with this row) or refused it for good (REFUSED,
-- with the peer's reason). One row per message: a hand-over retried after a crash finds it and writes nothing again.
create table im.interconnect_outbound (
    message_id      uuid         primary key,
    peer_operator   varchar(16)  not null,
    status          varchar(16)  not null check (status in ('HANDED_OVER', 'REFUSED')),
    peer_reference  varchar(128),
    refusal         varchar(200),
    decided_at      timestamptz  not null
);
