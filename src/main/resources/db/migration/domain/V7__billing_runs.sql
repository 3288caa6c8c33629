-- One billing run per coverage month: how far it got (the last enrollment billed, in id order),
-- so that a run stopped by a crash resumes where it was and a repeated run bills nobody twice.
create table billing_run (
    coverage_month      date primary key check (extract(day from coverage_month) = 1),
    started_at          timestamptz not null,
    to_do               integer not null check (to_do >= 0),
    done                integer not null default 0 check (done >= 0),
    last_enrollment_id  bigint not null default 0,
    finished_at         timestamptz
);
