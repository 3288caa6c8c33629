-- Notices go by e-mail and, for the alerts a member chose so, by text message: one row per
-- (member, template, business reference, channel). The unique key now includes the channel, so a
-- retried job skips the channels a notice already went on and sends only on the others.
alter table notice drop constraint notice_channel_check;
alter table notice add constraint notice_channel_check check (channel in ('EMAIL', 'SMS'));
alter table notice drop constraint notice_member_id_template_business_reference_key;
alter table notice add constraint notice_once_per_channel unique (member_id, template, business_reference, channel);

-- The alerts a member can choose channels for; no row for an alert means "by e-mail".
alter table contact_preference add constraint contact_preference_alert_check
    check (alert in ('BILL', 'PAYMENT_REMINDER', 'PAYMENT_FAILED', 'PAYMENT_RECEIPT', 'COVERAGE_NOTICE'));

-- The sandbox text-message provider (premiumflow.text-messages.provider: sandbox): the texts it
-- took, shown at GET /sandbox/text-messages. Like a real provider it holds the number and the
-- text; it is for development, tests and demos, and sends nothing.
create table sandbox_text_message (
    id      bigserial primary key,
    phone   text not null,
    body    text not null,
    sent_at timestamptz not null
);
create index sandbox_text_message_by_phone on sandbox_text_message (regexp_replace(phone, '[^0-9]', '', 'g'));
