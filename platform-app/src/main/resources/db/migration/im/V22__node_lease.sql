-- Node ids leased by the running instances: each instance stamps the charging events it relays with its node id and
-- that node's gap-free sequence (im.node_sequence), so the id must outlive a restart. An instance holds its lease by
-- renewing heartbeat_at; a lease not renewed within the configured time is free for the next instance that starts.
-- holder names the process that holds it (host/pid/random), so that a restarted instance knows its own old lease.
create table im.node_lease (
    node_id       varchar(64)  primary key,
    holder        varchar(200) not null,
    acquired_at   timestamptz  not null,
    heartbeat_at  timestamptz  not null
);
