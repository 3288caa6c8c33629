-- The sandbox payment processor (premiumflow.payment-gateway.provider: sandbox), kept in the
-- database so that an idempotency key is remembered across restarts. Like a real processor seen
-- from outside, it holds no full account or card number: last four digits, the routing number
-- (a bank's, not a person's), and what the test number made happen.

-- Every call made under an idempotency key: its kind, a hash of the request (never of a full
-- number), and the reference of what it made. A repeat with the same request gets that result.
create table sandbox_request (
    idempotency_key text primary key,
    kind            text not null check (kind in ('REGISTER_CARD', 'AUTHORIZE_ZERO_AMOUNT', 'MICRO_DEPOSITS', 'DEBIT', 'CHARGE')),
    fingerprint     text not null,
    reference       text not null unique,
    received_at     timestamptz not null
);

create table sandbox_card (
    token     text primary key,
    brand     text not null,
    last_four char(4) not null,
    expiry    date not null check (extract(day from expiry) = 1),
    behaviour text not null
);

-- Zero-amount authorizations and charges; a decline is the CardDecline name.
create table sandbox_card_payment (
    reference  text primary key,
    card_token text not null references sandbox_card,
    amount     numeric(10, 2) not null check (amount >= 0),
    decline    text
);
create index sandbox_card_payment_by_card on sandbox_card_payment (card_token);

create table sandbox_micro_deposits (
    reference      text primary key,
    routing_number char(9) not null,
    last_four      char(4) not null,
    description    text not null,
    first_amount   numeric(3, 2) check (first_amount between 0.01 and 0.99),
    second_amount  numeric(3, 2) check (second_amount between 0.01 and 0.99 and second_amount <> first_amount),
    rejection      text,
    check ((rejection is null) = (first_amount is not null and second_amount is not null))
);

-- An ACH debit with the dates fixed when it was submitted: its status follows from today's date.
create table sandbox_ach_debit (
    reference      text primary key,
    routing_number char(9) not null,
    last_four      char(4) not null,
    amount         numeric(10, 2) not null check (amount > 0),
    description    text not null,
    effective_date date not null,
    settles_on     date not null check (settles_on >= effective_date),
    returns_on     date check (returns_on >= effective_date),
    return_code    text,
    check ((returns_on is null) = (return_code is null))
);
