-- Element instances waiting for a signal (a catch event, the activity of a signal boundary event,
-- the scope of a signal event sub-process), and the signal start events of each process's latest
-- version. A signal is not kept: it reaches whoever waits when it is broadcast.
create table signal_subscription (
    subscription_key     bigint primary key,
    signal_name          text not null,
    element_id           text not null,
    element_instance_key bigint not null,
    process_instance_key bigint not null references process_instance,
    tenant_id            text not null,
    created_at           timestamptz not null
);
create index signal_subscription_by_name on signal_subscription (tenant_id, signal_name, created_at);
create index signal_subscription_by_element_instance on signal_subscription (element_instance_key);

create table signal_start_event (
    process_definition_key bigint not null,
    bpmn_process_id        text not null,
    tenant_id              text not null,
    signal_name            text not null,
    element_id             text not null,
    primary key (process_definition_key, element_id)
);
create index signal_start_event_by_name on signal_start_event (tenant_id, signal_name);
