-- Lookups a command makes on a growing table, by a column that is not its key.
create index element_instance_active_children on engine.element_instance (flow_scope_key) where end_date is null;
create index job_by_element_instance on engine.job (element_instance_key);
create index incident_by_element_instance on engine.incident (element_instance_key) where state = 'ACTIVE';
create index process_instance_by_parent_element on engine.process_instance (parent_element_instance_key)
    where parent_element_instance_key is not null;
