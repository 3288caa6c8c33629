-- A grace period that ended with coverage kept while its months stay owed: an appeal upheld (the
-- member had coverage, so the premiums are due). Its months, from the grace's first unpaid month
-- through the last month past due when it ended, have had their grace: a later unpaid month runs a
-- grace of its own, whose warnings and termination decision still count them as owed. One row per
-- grace, so recording it again changes nothing.
create table concluded_grace (
    enrollment_id       bigint not null references enrollment,
    first_unpaid_month  date not null check (extract(day from first_unpaid_month) = 1),
    through_month       date not null check (extract(day from through_month) = 1),
    outcome             text not null check (outcome in ('KEPT_BY_APPEAL')),
    concluded_at        timestamptz not null,
    primary key (enrollment_id, first_unpaid_month),
    check (through_month >= first_unpaid_month)
);
