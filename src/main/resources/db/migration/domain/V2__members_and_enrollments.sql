-- Members of the exchange, the people in their household, their enrollments and monthly premiums,
-- and how they want to be told things. Money is numeric(10,2); coverage dates are dates.
create table member (
    member_id     text primary key,
    first_name    text not null,
    last_name     text not null,
    date_of_birth date not null,
    email         text,
    phone         text,
    created_at    timestamptz not null
);

create table household_person (
    id            bigserial primary key,
    member_id     text not null references member,
    first_name    text not null,
    last_name     text not null,
    date_of_birth date not null,
    relationship  text not null check (relationship in ('SPOUSE', 'CHILD', 'DEPENDENT', 'OTHER'))
);
create index household_person_by_member on household_person (member_id);

create table enrollment (
    id                      bigserial primary key,
    member_id               text not null references member,
    plan_id                 text not null,
    plan_name               text not null,
    coverage_start          date not null,
    program                 text not null check (program in ('UNSUBSIDIZED', 'APTC_ONLY', 'CONNECTORCARE')),
    connectorcare_plan_type text check (connectorcare_plan_type in ('1', '2A', '2B', '3A', '3B', '3C')),
    check ((program = 'CONNECTORCARE') = (connectorcare_plan_type is not null))
);
create index enrollment_by_member on enrollment (member_id);

-- The premium of an enrollment from a month on: the member pays gross less the advance premium tax credit.
create table monthly_premium (
    id                    bigserial primary key,
    enrollment_id         bigint not null references enrollment,
    effective_month       date not null check (extract(day from effective_month) = 1),
    gross                 numeric(10, 2) not null check (gross >= 0),
    aptc                  numeric(10, 2) not null check (aptc >= 0 and aptc <= gross),
    member_responsibility numeric(10, 2) not null check (member_responsibility = gross - aptc),
    unique (enrollment_id, effective_month)
);

create table contact_preference (
    member_id text not null references member,
    alert     text not null,
    channel   text not null check (channel in ('EMAIL', 'SMS')),
    primary key (member_id, alert, channel)
);
