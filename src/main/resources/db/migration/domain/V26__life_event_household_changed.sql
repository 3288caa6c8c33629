-- When an approved life event changed the member's household (people joining added, people
-- leaving marked gone): once, whether or not an enrollment was still in force to re-rate.
alter table life_event add column household_changed_at timestamptz;
