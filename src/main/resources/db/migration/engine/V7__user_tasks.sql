-- Camunda user tasks: work for a person, created when the element is entered, completed through
-- the API, cancelled when the element is left another way. Kept after they end, for search.
create table user_task (
    user_task_key           bigint primary key,
    state                   text not null,
    name                    text,
    element_id              text not null,
    element_instance_key    bigint not null,
    process_instance_key    bigint not null references process_instance,
    root_process_instance_key bigint not null,
    process_definition_key  bigint not null,
    bpmn_process_id         text not null,
    process_version         int not null,
    tenant_id               text not null,
    assignee                text,
    candidate_groups        text[] not null,
    candidate_users         text[] not null,
    due_date                timestamptz,
    follow_up_date          timestamptz,
    priority                int not null,
    form_key                bigint,
    external_form_reference text,
    creation_date           timestamptz not null,
    completion_date         timestamptz
);
create index user_task_open on user_task (tenant_id, creation_date) where state = 'CREATED';
create index user_task_by_assignee on user_task (assignee) where state = 'CREATED';
create index user_task_by_candidate_group on user_task using gin (candidate_groups);
create index user_task_by_process_instance on user_task (process_instance_key);
create index user_task_by_element_instance on user_task (element_instance_key) where state = 'CREATED';
