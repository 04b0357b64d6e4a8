-- Whether a CSP client takes presence authorisation requests (CSP ReactiveAuthorization, function REACT): true until
-- its service negotiation leaves REACT out; then its user's attribute lists decide who sees what and no
-- PresenceAuth-Request goes to that client.
alter table im.wv_session add column reactive_authorization boolean not null default true;

-- Whether a member in a room is told of its changes (CSP SubscribeGroupNotice, JoinGroup SubscribeNotification).
alter table im.room_member add column notices boolean not null default true;
