-- Invitations from one subscriber to another (CSP Invite: to chat, to watch presence, to a group, to content).
-- The inviter names an invitation by their own reference (CSP InviteID), the invitee by its id. An invitation goes
-- out to an invitee's client once (invitee_told_at), its answer to the inviter's once (inviter_told_at), and a
-- cancellation of one the invitee's client was told about once (cancel_told_at).
create table im.invitation (
    id              uuid         primary key,
    inviter         varchar(16)  not null,
    inviter_ref     varchar(64)  not null,
    invitee         varchar(16)  not null,
    kind            varchar(16)  not null check (kind in ('IM', 'PRESENCE', 'GROUP', 'CONTENT')),
    group_id        varchar(100),
    note            varchar(400),
    state           varchar(16)  not null check (state in ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
    response_note   varchar(400),
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    answered_at     timestamptz,
    invitee_told_at timestamptz,
    inviter_told_at timestamptz,
    cancel_told_at  timestamptz,
    unique (inviter, inviter_ref, invitee)
);
create index invitation_invitee on im.invitation (invitee, created_at);
create index invitation_inviter_answers on im.invitation (inviter, answered_at) where inviter_told_at is null and answered_at is not null;
