-- What a member (or a caseworker for them) asks while an enrollment is delinquent: a hardship
-- waiver (PENDING, then APPROVED or DENIED) or an appeal (PENDING, then UPHELD or DENIED). Each
-- names the grace's invoice (the oldest unpaid month), whose process instance decides it. The
-- reason is the member's own words: it is shown to the caseworker and never logged.
create table delinquency_request (
    id             bigserial primary key,
    kind           text not null check (kind in ('HARDSHIP_WAIVER', 'APPEAL')),
    member_id      text not null references member,
    enrollment_id  bigint not null references enrollment,
    invoice_id     bigint not null references invoice,
    reason         text not null check (length(reason) between 1 and 1000),
    status         text not null,
    filed_at       timestamptz not null,
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    check (status in ('PENDING', 'DENIED') or (kind = 'HARDSHIP_WAIVER' and status = 'APPROVED')
           or (kind = 'APPEAL' and status = 'UPHELD')),
    check ((status = 'PENDING') = (decided_at is null)),
    check ((decided_at is null) = (decided_by is null))
);
-- One open request of a kind per enrollment: a second while one is open is refused.
create unique index delinquency_request_one_open on delinquency_request (enrollment_id, kind) where status = 'PENDING';
create index delinquency_request_by_member on delinquency_request (member_id, id);
