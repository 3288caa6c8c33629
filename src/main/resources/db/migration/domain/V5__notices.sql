-- Notices sent to members, one row per (member, template, business reference): the unique key is
-- what makes a retried job a no-op instead of a second e-mail. The rendered text and the address
-- it went to are not kept here; personal data stays with the member.
create table notice (
    id                 bigserial primary key,
    member_id          text not null references member,
    template           text not null,
    business_reference text not null,
    channel            text not null check (channel in ('EMAIL')),
    subject            text not null,
    status             text not null check (status in ('SENT', 'NO_ADDRESS')),
    created_at         timestamptz not null,
    sent_at            timestamptz,
    check ((status = 'SENT') = (sent_at is not null)),
    unique (member_id, template, business_reference)
);
