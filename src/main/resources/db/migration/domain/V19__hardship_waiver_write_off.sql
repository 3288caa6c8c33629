-- A month whose premium a hardship waiver waives is written off by the same kind of fact as a month
-- coverage no longer covers: neither owed nor paid, the invoice kept as issued. The kind tells them
-- apart because only a coverage end is undone by reinstatement; a waived premium stays waived.
alter table invoice_cancellation
    add column kind text not null default 'COVERAGE_ENDED' check (kind in ('COVERAGE_ENDED', 'HARDSHIP_WAIVER')),
    add constraint invoice_cancellation_waiver_never_undone check (kind = 'COVERAGE_ENDED' or undone_at is null);
-- Every new fact names its kind.
alter table invoice_cancellation alter column kind drop default;
