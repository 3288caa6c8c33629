-- An enrollment's coverage ends on coverage_end (the last day covered), for the reason given. A
-- coverage_end the day before coverage_start means coverage never began (an unpaid first month).
alter table enrollment
    add column coverage_end date,
    add column end_reason text check (end_reason in ('NON_PAYMENT')),
    add constraint enrollment_end_has_reason check ((coverage_end is null) = (end_reason is null)),
    add constraint enrollment_ends_after_it_starts check (coverage_end >= coverage_start - 1);
