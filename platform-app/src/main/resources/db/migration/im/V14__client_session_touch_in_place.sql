-- Every client request keeps its session alive (PresenceService.touch: last_active_at and expires_at, at most once
-- a second per session). With expires_at in an index, each touch added a new row version with two index entries;
-- without it the row is rewritten in place (HOT). Sessions are looked up by subscriber, who has one to three of
-- them: the index on msisdn alone finds them, and expires_at is checked on the row. Pages keep room for the rewrite.
drop index im.client_session_msisdn;
create index client_session_msisdn on im.client_session (msisdn);
alter table im.client_session set (fillfactor = 50);
