-- Published messages kept until their time to live ends (buffered), and which processes they
-- have been correlated to: a message correlates at most once per process (BPMN process id).
create table message (
    message_key     bigint primary key,
    name            text not null,
    correlation_key text not null,
    message_id      text,
    variables       jsonb not null,
    tenant_id       text not null,
    published_at    timestamptz not null,
    expires_at      timestamptz not null
);
create index message_buffered on message (tenant_id, name, correlation_key, published_at);
create index message_expiry on message (expires_at);
-- A message id is unique among the living messages of a name and correlation key.
create unique index message_id_unique on message (tenant_id, name, correlation_key, message_id) where message_id is not null;

create table message_correlation (
    message_key          bigint not null,
    bpmn_process_id      text not null,
    process_instance_key bigint not null,
    primary key (message_key, bpmn_process_id)
);

-- What a waiting element instance listens for: a message catch event, a receive task, or a
-- message boundary event of an activity (element_id is the event, element_instance_key the activity).
create table message_subscription (
    subscription_key       bigint primary key,
    state                  text not null,
    message_name           text not null,
    correlation_key        text not null,
    element_id             text not null,
    element_instance_key   bigint not null,
    process_instance_key   bigint not null references process_instance,
    process_definition_key bigint not null,
    bpmn_process_id        text not null,
    tenant_id              text not null,
    created_at             timestamptz not null
);
create index message_subscription_open on message_subscription (tenant_id, message_name, correlation_key, created_at)
    where state = 'CREATED';
create index message_subscription_by_element_instance on message_subscription (element_instance_key) where state = 'CREATED';

-- An instance started by a message start event remembers the correlation key: while it is
-- active, the same key starts no second instance of that process.
alter table process_instance add column start_correlation_key text;
create index process_instance_by_start_correlation on process_instance (bpmn_process_id, tenant_id, start_correlation_key)
    where start_correlation_key is not null and state = 'ACTIVE';

-- The message start events of the latest version of each process.
create table message_start_event (
    process_definition_key bigint not null,
    bpmn_process_id        text not null,
    tenant_id              text not null,
    message_name           text not null,
    element_id             text not null,
    primary key (process_definition_key, element_id)
);
create index message_start_event_by_name on message_start_event (tenant_id, message_name);
