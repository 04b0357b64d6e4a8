-- What waits to be handed over to each peer operator. The interconnect consumer parks every record of
-- interop.outbound.v1 here (it never waits on a peer), and one lane per peer hands its rows over in id order, deleting
-- each in the transaction that records what the peer answered: a peer that is down holds back only its own rows.
create table im.interconnect_queue (
    id             bigint       generated always as identity primary key,
    peer_operator  varchar(16)  not null,
    payload        bytea        not null,
    queued_at      timestamptz  not null
);

create index interconnect_queue_peer on im.interconnect_queue (peer_operator, id);
