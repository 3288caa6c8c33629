-- The member's ledger: invoices per enrollment and coverage month, payments, and how each payment
-- is applied to invoices. Balances are derived, never stored.
create table invoice (
    id             bigserial primary key,
    member_id      text not null references member,
    enrollment_id  bigint not null references enrollment,
    coverage_month date not null check (extract(day from coverage_month) = 1),
    amount         numeric(10, 2) not null check (amount >= 0),
    due_date       date not null,
    issued_at      timestamptz not null,
    -- A billing run repeated or resumed never bills a month twice.
    unique (enrollment_id, coverage_month)
);
create index invoice_by_member on invoice (member_id, coverage_month);

-- Money received or on its way: an ACH debit is PENDING until it settles, and may come back RETURNED.
create table payment (
    id                  bigserial primary key,
    member_id           text not null references member,
    amount              numeric(10, 2) not null check (amount > 0),
    channel             text not null check (channel in ('AUTOPAY', 'ONE_TIME')),
    payment_method_id   bigint references payment_method,
    idempotency_key     text not null unique,
    status              text not null check (status in ('PENDING', 'SETTLED', 'RETURNED')),
    processor_reference text,
    return_code         text,
    received_at         timestamptz not null,
    settled_at          timestamptz,
    returned_at         timestamptz,
    check ((status = 'RETURNED') = (returned_at is not null and return_code is not null))
);
create index payment_by_member on payment (member_id, id);

-- A part of a payment applied to an invoice, oldest coverage month first. A returned payment's
-- parts are reversed, not deleted: the history shows both.
create table allocation (
    id           bigserial primary key,
    payment_id   bigint not null references payment,
    invoice_id   bigint not null references invoice,
    amount       numeric(10, 2) not null check (amount > 0),
    allocated_at timestamptz not null,
    reversed_at  timestamptz
);
create index allocation_by_invoice on allocation (invoice_id) where reversed_at is null;
create index allocation_by_payment on allocation (payment_id);
