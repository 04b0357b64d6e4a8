-- The data a client session moved over GPRS (requests and responses, counted by its channel), charged as one
-- SESSION_DATA event when the session ends: plans price it per started block (O2_DE: 0.05 EUR per 10 KB).
alter table im.client_session add column data_bytes bigint not null default 0 check (data_bytes >= 0);
