-- Enrollments a billing run passed without billing them because they had no premium for the month:
-- counted, so that a run reporting itself done does not hide members nobody billed.
alter table billing_run add column without_premium integer not null default 0 check (without_premium >= 0);
