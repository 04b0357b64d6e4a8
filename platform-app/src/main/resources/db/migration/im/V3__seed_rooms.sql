-- The operator's themed public rooms, as SMS chat services offered them. Operators add their own.
insert into im.room (name, title, kind, owner, created_at) values
    ('lobby', 'Lobby: say hello', 'PUBLIC', null, now()),
    ('football', 'Football talk', 'PUBLIC', null, now()),
    ('music', 'Music', 'PUBLIC', null, now()),
    ('flirt', 'Flirt (18+)', 'PUBLIC', null, now())
on conflict do nothing;
