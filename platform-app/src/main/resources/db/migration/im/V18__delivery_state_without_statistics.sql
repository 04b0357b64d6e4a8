-- The planner is to judge the queue by its shape, not by how full it was at the last ANALYZE. Nearly every delivery
-- is DELIVERED and claimed, so statistics taken at a quiet moment say no delivery is waiting or unclaimed; from then
-- on every partial index of waiting deliveries looks empty, and a fetch or an acknowledgement chose to scan one of
-- them whole (for each session or message in its batch) instead of looking up its recipient or message: when a
-- backlog built up, a batch read millions of index entries and took minutes. Without statistics on these two
-- columns the planner assumes its default (a small share, never none) and keeps to the lookups.
alter table im.delivery alter column status set statistics 0;
alter table im.delivery alter column claimed_at set statistics 0;
