-- The partial unique index "one current version per event" goes: it was the most expensive of the rated records'
-- indexes to maintain (about a quarter of the insert cost) and its rule holds without it. The rating path only ever
-- inserts version 1, after looking the event id up or with the primary key (event_id, version) as the check; a
-- re-rating inserts version n+1 only after it turned version n from current to not current itself, in the same
-- transaction (RatedRecordStore.supersede checks the count), so two current versions of one event cannot arise.
drop index billing.rated_record_one_current;
