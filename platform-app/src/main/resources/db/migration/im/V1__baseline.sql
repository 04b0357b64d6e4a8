-- The IM core's schema. Every later migration of the im module adds to it; no other module reads it.
comment on schema im is 'mobim IM core: subscribers, contacts, presence, messages, rooms, charging outbox';
