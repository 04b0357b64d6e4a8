-- What housekeeping (mobim.housekeeping) deletes, oldest first: invitations past their validity, delivery reports
-- no client took.
create index invitation_expires on im.invitation (expires_at);
create index client_delivery_report_reported on im.client_delivery_report (reported_at);
