-- Timers of timer events: a catch event waiting, a boundary event on an active activity, or a
-- timer start event of the latest version of a process (element_instance_key null).
create table timer (
    timer_key              bigint primary key,
    state                  text not null,
    due_date               timestamptz not null,
    -- Firings left after the next one; -1 for a cycle without end.
    repetitions            int not null,
    -- The ISO 8601 time between the firings of a cycle.
    cycle_interval         text,
    element_id             text not null,
    element_instance_key   bigint,
    process_instance_key   bigint references process_instance,
    process_definition_key bigint not null,
    bpmn_process_id        text not null,
    tenant_id              text not null,
    created_at             timestamptz not null
);
create index timer_due on timer (due_date) where state = 'CREATED';
create index timer_by_element_instance on timer (element_instance_key) where state = 'CREATED';
create index timer_start_by_process on timer (bpmn_process_id, tenant_id) where state = 'CREATED' and element_instance_key is null;
