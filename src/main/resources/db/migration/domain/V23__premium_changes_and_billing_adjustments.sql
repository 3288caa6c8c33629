-- A premium change applied to an enrollment after a life event (issue 8), once per reference: a
-- repeated request for the same change finds this row and changes nothing. Keeps what the change
-- set, so a repeat can answer with it.
create table premium_change (
    reference          text primary key,
    member_id          text not null references member,
    enrollment_id      bigint not null references enrollment,
    coverage_effective date not null,
    premium_month      date not null check (extract(day from premium_month) = 1),
    gross              numeric(10, 2) not null check (gross >= 0),
    aptc               numeric(10, 2) not null check (aptc >= 0 and aptc <= gross),
    applied_at         timestamptz not null
);
create index premium_change_by_enrollment on premium_change (enrollment_id);

-- A credit (negative) or extra charge (positive) for a coverage month already billed: an issued
-- invoice is never rewritten, the next invoice of the enrollment carries the line (invoice_id set
-- when it is issued). PREMIUM_CHANGE lines come from a premium change, one per reference and month.
-- A credit larger than an invoice leaves it at zero: the rest is moved on by a CREDIT_CARRIED_OUT
-- line on that invoice and a CREDIT_CARRIED_IN line for the next, both under the reference
-- 'invoice-<id>' of the invoice it was carried from.
create table billing_adjustment (
    id             bigserial primary key,
    member_id      text not null references member,
    enrollment_id  bigint not null references enrollment,
    coverage_month date not null check (extract(day from coverage_month) = 1),
    amount         numeric(10, 2) not null check (amount <> 0),
    kind           text not null check (kind in ('PREMIUM_CHANGE', 'CREDIT_CARRIED_OUT', 'CREDIT_CARRIED_IN')),
    reason         text not null,
    reference      text not null,
    created_at     timestamptz not null,
    invoice_id     bigint references invoice,
    unique (reference, coverage_month, kind)
);
create index billing_adjustment_pending on billing_adjustment (enrollment_id) where invoice_id is null;
create index billing_adjustment_by_member on billing_adjustment (member_id);
create index billing_adjustment_by_invoice on billing_adjustment (invoice_id);
