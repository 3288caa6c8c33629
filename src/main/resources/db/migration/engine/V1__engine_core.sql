-- The embedded engine's state. Every key the API exposes comes from one sequence and is never reused.
create sequence engine_key start with 2251799813685249;

-- Deployed resources, kept as deployed. Same name and checksum as the latest version: same version.
create table deployment (
    deployment_key bigint primary key,
    tenant_id      text not null,
    created_at     timestamptz not null
);

create table resource (
    resource_key   bigint primary key,
    deployment_key bigint not null references deployment,
    resource_name  text not null,
    checksum       text not null,
    content        bytea not null
);

create table process_definition (
    process_definition_key bigint primary key,
    bpmn_process_id        text not null,
    version                int not null,
    resource_key           bigint not null references resource,
    deployment_key         bigint not null references deployment,
    name                   text,
    tenant_id              text not null,
    unique (tenant_id, bpmn_process_id, version)
);

create table decision_requirements (
    decision_requirements_key bigint primary key,
    decision_requirements_id  text not null,
    name                      text,
    version                   int not null,
    resource_key              bigint not null references resource,
    deployment_key            bigint not null references deployment,
    tenant_id                 text not null,
    unique (tenant_id, decision_requirements_id, version)
);

create table decision_definition (
    decision_key              bigint primary key,
    decision_id               text not null,
    name                      text,
    version                   int not null,
    decision_requirements_key bigint not null references decision_requirements,
    tenant_id                 text not null,
    unique (tenant_id, decision_id, version)
);

create table form (
    form_key       bigint primary key,
    form_id        text not null,
    version        int not null,
    resource_key   bigint not null references resource,
    deployment_key bigint not null references deployment,
    tenant_id      text not null,
    unique (tenant_id, form_id, version)
);

-- Runtime. A command locks its process instance row; everything below belongs to one instance.
create table process_instance (
    process_instance_key        bigint primary key,
    process_definition_key      bigint not null references process_definition,
    bpmn_process_id             text not null,
    version                     int not null,
    tenant_id                   text not null,
    state                       text not null,
    has_incident                boolean not null default false,
    parent_process_instance_key bigint,
    parent_element_instance_key bigint,
    root_process_instance_key   bigint not null,
    start_date                  timestamptz not null,
    end_date                    timestamptz
);
create index process_instance_parent on process_instance (parent_process_instance_key);

create table element_instance (
    element_instance_key   bigint primary key,
    process_instance_key   bigint not null references process_instance,
    flow_scope_key         bigint,
    element_id             text not null,
    element_type           text not null,
    state                  text not null,
    start_date             timestamptz not null,
    end_date               timestamptz
);
create index element_instance_by_instance on element_instance (process_instance_key) where end_date is null;

-- Tokens that reached a joining parallel gateway, per flow scope, until the gateway fires.
create table gateway_join (
    flow_scope_key       bigint not null,
    gateway_id           text not null,
    sequence_flow_id     text not null,
    arrivals             int not null,
    process_instance_key bigint not null,
    primary key (flow_scope_key, gateway_id, sequence_flow_id)
);

create table variable (
    variable_key         bigint primary key,
    scope_key            bigint not null,
    process_instance_key bigint not null,
    name                 text not null,
    value                jsonb not null,
    unique (scope_key, name)
);
create index variable_by_instance on variable (process_instance_key);

create table job (
    job_key                bigint primary key,
    type                   text not null,
    state                  text not null,
    retries                int not null,
    worker                 text,
    deadline               timestamptz,
    backoff_until          timestamptz,
    error_message          text,
    custom_headers         jsonb not null,
    element_instance_key   bigint not null,
    element_id             text not null,
    process_instance_key   bigint not null references process_instance,
    process_definition_key bigint not null,
    bpmn_process_id        text not null,
    version                int not null,
    tenant_id              text not null,
    created_at             timestamptz not null
);
-- Activation scans activatable jobs of one type in key order.
create index job_activatable on job (type, job_key) where state = 'ACTIVATABLE';
create index job_timed_out on job (deadline) where state = 'ACTIVATED';
create index job_backoff on job (backoff_until) where state = 'FAILED_BACKOFF';

create table incident (
    incident_key           bigint primary key,
    error_type             text not null,
    error_message          text not null,
    state                  text not null,
    process_instance_key   bigint not null references process_instance,
    process_definition_key bigint not null,
    bpmn_process_id        text not null,
    element_instance_key   bigint not null,
    element_id             text not null,
    job_key                bigint,
    tenant_id              text not null,
    creation_time          timestamptz not null
);
create index incident_by_instance on incident (process_instance_key);

-- What happened, append-only: operators, tests and later exporters read this, never the live tables.
create table history (
    position             bigserial primary key,
    recorded_at          timestamptz not null,
    value_type           text not null,
    intent               text not null,
    record_key           bigint not null,
    process_instance_key bigint,
    element_id           text,
    detail               jsonb
);
create index history_by_instance on history (process_instance_key, position);
