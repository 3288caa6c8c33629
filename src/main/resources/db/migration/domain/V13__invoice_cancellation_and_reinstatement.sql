-- A month billed before coverage ended retroactively, and no longer covered, is cancelled: the
-- invoice stays as issued and this row says it is owed no more, why and since when. Reinstating
-- the coverage undoes the cancellation by setting undone_at, so the history shows both.
create table invoice_cancellation (
    id           bigserial primary key,
    invoice_id   bigint not null references invoice,
    reason       text not null,
    cancelled_at timestamptz not null,
    undone_at    timestamptz,
    undo_reason  text,
    check ((undone_at is null) = (undo_reason is null))
);
-- An invoice is cancelled at most once at a time: ending the same coverage again changes nothing.
create unique index invoice_cancelled_once on invoice_cancellation (invoice_id) where undone_at is null;

-- The last day a member whose coverage ended for non-payment may ask to be reinstated (the termination
-- notice gives it: 35 days after the notice), kept as the notice said it.
alter table enrollment
    add column reinstate_by date,
    add constraint enrollment_reinstate_by_after_non_payment check (reinstate_by is null or end_reason = 'NON_PAYMENT');
