-- Someone who left the household with an approved life event (divorce, death) stays on record,
-- since the event that took them away names them; from this day they are no longer on the plan.
alter table household_person add column left_on date;
