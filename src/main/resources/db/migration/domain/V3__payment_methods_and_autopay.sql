-- Payment methods, their verification and audit trail, and AutoPay mandates.
-- Account numbers are stored encrypted (AES-256-GCM, "v1:" prefix); cards only as processor tokens.
create table payment_method (
    id                       bigserial primary key,
    member_id                text not null references member,
    kind                     text not null check (kind in ('BANK_ACCOUNT', 'CARD')),
    status                   text not null check (status in ('PENDING_VERIFICATION', 'VERIFIED', 'FAILED', 'REMOVED')),
    last_four                text not null check (last_four ~ '^[0-9]{4}$'),
    account_type             text check (account_type in ('CHECKING', 'SAVINGS')),
    name_on_account          text,
    routing_number           text check (routing_number ~ '^[0-9]{9}$'),
    account_number_encrypted text check (account_number_encrypted like 'v1:%'),
    card_brand               text,
    card_token               text,
    card_expiry              date,
    created_at               timestamptz not null,
    check ((kind = 'BANK_ACCOUNT') = (account_type is not null and name_on_account is not null
        and routing_number is not null and account_number_encrypted is not null)),
    check ((kind = 'CARD') = (card_brand is not null and card_token is not null and card_expiry is not null))
);
create index payment_method_by_member on payment_method (member_id);
-- One method at a time is being verified per member: the member's confirmations correlate by member id.
create unique index one_verification_per_member on payment_method (member_id) where status = 'PENDING_VERIFICATION';

-- Every change of a payment method, by whom and why: the audit trail.
create table payment_method_event (
    id                bigserial primary key,
    payment_method_id bigint not null references payment_method,
    occurred_at       timestamptz not null,
    event             text not null,
    status_after      text not null,
    actor             text not null,
    detail            text
);
create index payment_method_event_by_method on payment_method_event (payment_method_id, id);

-- Two micro-deposits sent to a bank account and the member's attempts to confirm their amounts.
-- The amounts themselves stay with the processor, which checks them.
create table micro_deposit_verification (
    payment_method_id   bigint primary key references payment_method,
    processor_reference text not null,
    sent_at             timestamptz not null,
    remind_at           timestamptz not null,
    expires_at          timestamptz not null,
    wrong_attempts      integer not null default 0 check (wrong_attempts >= 0),
    max_wrong_attempts  integer not null check (max_wrong_attempts > 0),
    outcome             text check (outcome in ('CONFIRMED', 'TOO_MANY_WRONG_AMOUNTS', 'EXPIRED')),
    concluded_at        timestamptz,
    check ((outcome is null) = (concluded_at is null))
);

-- The member's authorization to draft their premium automatically from one payment method.
create table autopay_mandate (
    id                    bigserial primary key,
    member_id             text not null references member,
    payment_method_id     bigint not null references payment_method,
    status                text not null check (status in ('REQUESTED', 'ACTIVE', 'REPLACED', 'CANCELLED', 'WITHDRAWN')),
    amount_rule           text not null,
    authorized_by         text not null,
    authorized_at         timestamptz not null,
    authorization_channel text not null,
    first_draft_date      date,
    coverage_month        date,
    activated_at          timestamptz,
    ended_at              timestamptz,
    end_reason            text,
    replaces_mandate_id   bigint references autopay_mandate,
    -- A replaced mandate still drafts the due dates before this one: its successor's first draft.
    drafts_before         date,
    check ((status = 'ACTIVE') <= (activated_at is not null and first_draft_date is not null))
);
create index autopay_mandate_by_member on autopay_mandate (member_id);
create unique index one_active_autopay_per_member on autopay_mandate (member_id) where status = 'ACTIVE';
create unique index one_autopay_request_per_member on autopay_mandate (member_id) where status = 'REQUESTED';

-- Messages for the process engine, written in the same transaction as the change that causes them
-- and published after commit (again by the relay if publishing failed), so none is lost.
create table workflow_message (
    id              bigserial primary key,
    name            text not null,
    correlation_key text not null,
    message_id      text not null unique,
    variables       text not null,
    time_to_live_ms bigint not null,
    created_at      timestamptz not null,
    published_at    timestamptz,
    -- A message the cluster refused is tried again later, less and less often, and stays visible here.
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);
create index workflow_message_unpublished on workflow_message (next_attempt_at, id) where published_at is null;
