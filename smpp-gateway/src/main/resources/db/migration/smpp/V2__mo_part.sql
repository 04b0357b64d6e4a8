-- Parts of long MOs waiting for the rest (schema smpp, owned by smpp-gateway). A part is acknowledged to the
-- SMS-C once it is here; when the last part arrives the rows are deleted and the whole MO goes to sms.mo.v1.
create table smpp.mo_part (
    link_id     varchar(64)  not null,
    sender      varchar(16)  not null,
    recipient   varchar(21)  not null,
    reference   integer      not null,
    total       integer      not null,
    seq         integer      not null,
    data_coding smallint     not null,
    payload     bytea        not null,
    received_at timestamptz  not null,
    primary key (link_id, sender, recipient, reference, total, seq)
);

create index mo_part_received_idx on smpp.mo_part (received_at);
