-- A change in a member's household reported within 60 days of the event (DOMAIN.md section 5): the
-- household as it is after the event, who joins the member's plan and who leaves it, and how it was
-- decided. RECEIVED until the life-event process asks for proof (AWAITING_PROOF) or approves it
-- without; APPROVED or REJECTED once decided, and the first decision stands. The member's own
-- client chooses event_id, so a repeated report finds the case it made the first time.
create table life_event (
    id                          bigserial primary key,
    member_id                   text not null references member,
    event_id                    text not null check (event_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    type                        text not null check (type in ('MARRIAGE', 'DIVORCE', 'BIRTH_OR_ADOPTION', 'LOSS_OF_COVERAGE',
                                                              'MOVE', 'INCOME_CHANGE', 'DEATH_IN_HOUSEHOLD')),
    event_date                  date not null,
    reported_on                 date not null check (reported_on >= event_date),
    reported_at                 timestamptz not null,
    household_size              integer not null check (household_size > 0),
    annual_income               numeric(12, 2) not null check (annual_income >= 0),
    eligible_for_other_coverage boolean not null,
    plan_id                     text,
    status                      text not null check (status in ('RECEIVED', 'AWAITING_PROOF', 'APPROVED', 'REJECTED')),
    proof_due_on                date,
    decision                    text check (decision in ('APPROVED_WITHOUT_PROOF', 'APPROVED_ON_PROOF', 'REJECTED_ON_PROOF',
                                                         'PROOF_NOT_PROVIDED')),
    decided_by                  text,
    decision_reason             text,
    decided_at                  timestamptz,
    unique (member_id, event_id),
    check ((status in ('APPROVED', 'REJECTED')) = (decision is not null)),
    check ((decision is null) = (decided_at is null) and (decision is null) = (decided_by is null)),
    check (status <> 'AWAITING_PROOF' or proof_due_on is not null)
);

-- Who joins the member's plan with the event (a spouse, a child; first name, last name, birth date
-- and relationship, as household_person holds them) or leaves it (a household_person of the member).
create table life_event_person (
    id                  bigserial primary key,
    life_event_id       bigint not null references life_event,
    change              text not null check (change in ('JOINING', 'LEAVING')),
    household_person_id bigint references household_person,
    first_name          text,
    last_name           text,
    date_of_birth       date,
    relationship        text check (relationship in ('SPOUSE', 'CHILD', 'DEPENDENT', 'OTHER')),
    check ((change = 'LEAVING') = (household_person_id is not null)),
    check (change = 'LEAVING' or (first_name is not null and last_name is not null and date_of_birth is not null
                                  and relationship is not null))
);
create index life_event_person_by_event on life_event_person (life_event_id, id);

-- Proof the member sent for an event: what kind of document, their description of it, and when it came.
create table life_event_document (
    id            bigserial primary key,
    life_event_id bigint not null references life_event,
    kind          text not null check (length(kind) between 1 and 100),
    description   text check (length(description) <= 1000),
    received_at   timestamptz not null
);
create index life_event_document_by_event on life_event_document (life_event_id, id);
