-- MOs recently received, by what their PDUs said (SmsMo.fingerprint): an SMS-C that redelivers an MO (it missed our
-- deliver_sm_resp, or after a crash) sends the same PDU again, which the gateway turns into an MO with a new id. A
-- fingerprint seen within mobim.sms.redelivery-window is such a redelivery and is not handled again. Rows older than
-- the window are deleted with the handled-MO marks (HandledMoPurge).
create table im.sms_mo_fingerprint (
    fingerprint varchar(64)  primary key,
    seen_at     timestamptz  not null
);
create index sms_mo_fingerprint_seen_at on im.sms_mo_fingerprint (seen_at);
