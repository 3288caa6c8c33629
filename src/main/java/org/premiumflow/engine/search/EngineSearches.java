package org.premiumflow.engine.search;

import static org.premiumflow.engine.search.Searchable.Type.BOOLEAN;
import static org.premiumflow.engine.search.Searchable.Type.INTEGER;
import static org.premiumflow.engine.search.Searchable.Type.KEY;
import static org.premiumflow.engine.search.Searchable.Type.TEXT;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.premiumflow.engine.store.EngineDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What operators' and caseworkers' pages search: process instances and definitions, element
 * instances, variables, jobs and message subscriptions, with the filter and sort fields of the
 * Camunda search API. States are named as the API names them.
 */
public final class EngineSearches {

    private final JdbcClient jdbc;

    private final Searchable processInstances = new Searchable("process instances", """
            select p.*, p.bpmn_process_id as process_definition_id from engine.process_instance p""", "process_instance_key")
            .filter("processInstanceKey", "process_instance_key", KEY)
            .filter("processDefinitionKey", "process_definition_key", KEY)
            .filter("processDefinitionId", "process_definition_id", TEXT)
            .filter("processDefinitionVersion", "version", INTEGER)
            .filter("state", "state", TEXT)
            .filter("hasIncident", "has_incident", BOOLEAN)
            .filter("parentProcessInstanceKey", "parent_process_instance_key", KEY)
            .filter("parentElementInstanceKey", "parent_element_instance_key", KEY)
            .filter("tenantId", "tenant_id", TEXT)
            .sort("processInstanceKey", "process_instance_key")
            .sort("processDefinitionId", "process_definition_id")
            .sort("processDefinitionVersion", "version")
            .sort("state", "state")
            .sort("startDate", "start_date")
            .sort("endDate", "end_date");

    private final Searchable processDefinitions = new Searchable("process definitions", """
            select d.*, r.resource_name,
                   d.version = max(d.version) over (partition by d.bpmn_process_id, d.tenant_id) as is_latest_version
            from engine.process_definition d join engine.resource r using (resource_key)""", "process_definition_key")
            .filter("processDefinitionKey", "process_definition_key", KEY)
            .filter("processDefinitionId", "bpmn_process_id", TEXT)
            .filter("version", "version", INTEGER)
            .filter("name", "name", TEXT)
            .filter("resourceName", "resource_name", TEXT)
            .filter("isLatestVersion", "is_latest_version", BOOLEAN)
            .filter("tenantId", "tenant_id", TEXT)
            .sort("processDefinitionKey", "process_definition_key")
            .sort("processDefinitionId", "bpmn_process_id")
            .sort("version", "version")
            .sort("name", "name")
            .sort("resourceName", "resource_name");

    private final Searchable elementInstances = new Searchable("element instances", """
            select e.*, p.bpmn_process_id, p.process_definition_key, p.tenant_id, p.root_process_instance_key,
                   case when e.state in ('COMPLETED', 'TERMINATED') then e.state else 'ACTIVE' end as api_state,
                   i.incident_key, i.incident_key is not null as has_incident
            from engine.element_instance e join engine.process_instance p using (process_instance_key)
            left join engine.incident i on i.element_instance_key = e.element_instance_key and i.state = 'ACTIVE'""",
            "element_instance_key")
            .filter("elementInstanceKey", "element_instance_key", KEY)
            .filter("processInstanceKey", "process_instance_key", KEY)
            .filter("processDefinitionKey", "process_definition_key", KEY)
            .filter("processDefinitionId", "bpmn_process_id", TEXT)
            .filter("elementId", "element_id", TEXT)
            .filter("type", "element_type", TEXT)
            .filter("state", "api_state", TEXT)
            .filter("hasIncident", "has_incident", BOOLEAN)
            .filter("incidentKey", "incident_key", KEY)
            .filter("tenantId", "tenant_id", TEXT)
            .sort("elementInstanceKey", "element_instance_key")
            .sort("elementId", "element_id")
            .sort("type", "element_type")
            .sort("state", "api_state")
            .sort("startDate", "start_date")
            .sort("endDate", "end_date");

    private final Searchable variables = new Searchable("variables", """
            select v.variable_key, v.name, v.value::text as value, v.scope_key, v.process_instance_key,
                   p.root_process_instance_key, p.tenant_id
            from engine.variable v join engine.process_instance p using (process_instance_key)""", "variable_key")
            .filter("variableKey", "variable_key", KEY)
            .filter("name", "name", TEXT)
            .filter("scopeKey", "scope_key", KEY)
            .filter("processInstanceKey", "process_instance_key", KEY)
            .filter("tenantId", "tenant_id", TEXT)
            .sort("variableKey", "variable_key")
            .sort("name", "name")
            .sort("scopeKey", "scope_key")
            .sort("processInstanceKey", "process_instance_key");

    private final Searchable jobs = new Searchable("jobs", """
            select j.*, p.root_process_instance_key,
                   case when j.state in ('ACTIVATABLE', 'ACTIVATED') then 'CREATED'
                        when j.state = 'FAILED_BACKOFF' then 'FAILED' else j.state end as api_state
            from engine.job j join engine.process_instance p using (process_instance_key)""", "job_key")
            .filter("jobKey", "job_key", KEY)
            .filter("type", "type", TEXT)
            .filter("state", "api_state", TEXT)
            .filter("worker", "worker", TEXT)
            .filter("processInstanceKey", "process_instance_key", KEY)
            .filter("processDefinitionKey", "process_definition_key", KEY)
            .filter("processDefinitionId", "bpmn_process_id", TEXT)
            .filter("elementId", "element_id", TEXT)
            .filter("elementInstanceKey", "element_instance_key", KEY)
            .filter("retries", "retries", INTEGER)
            .filter("tenantId", "tenant_id", TEXT)
            .sort("jobKey", "job_key")
            .sort("type", "type")
            .sort("state", "api_state")
            .sort("worker", "worker")
            .sort("retries", "retries")
            .sort("deadline", "deadline")
            .sort("processInstanceKey", "process_instance_key")
            .sort("elementId", "element_id");

    private final Searchable messageSubscriptions = new Searchable("message subscriptions", """
            select s.*, p.root_process_instance_key
            from engine.message_subscription s join engine.process_instance p using (process_instance_key)""", "subscription_key")
            .filter("messageSubscriptionKey", "subscription_key", KEY)
            .filter("messageName", "message_name", TEXT)
            .filter("correlationKey", "correlation_key", TEXT)
            .filter("messageSubscriptionState", "state", TEXT)
            .filter("processInstanceKey", "process_instance_key", KEY)
            .filter("processDefinitionKey", "process_definition_key", KEY)
            .filter("processDefinitionId", "bpmn_process_id", TEXT)
            .filter("elementId", "element_id", TEXT)
            .filter("elementInstanceKey", "element_instance_key", KEY)
            .filter("tenantId", "tenant_id", TEXT)
            .sort("messageSubscriptionKey", "subscription_key")
            .sort("messageName", "message_name")
            .sort("correlationKey", "correlation_key")
            .sort("messageSubscriptionState", "state")
            .sort("processInstanceKey", "process_instance_key")
            .sort("elementId", "element_id");

    public EngineSearches(EngineDatabase database) {
        this.jdbc = database.jdbc();
    }

    public SearchResult<Map<String, Object>> processInstances(SearchRequest request) {
        return processInstances.search(jdbc, request);
    }

    public SearchResult<Map<String, Object>> processDefinitions(SearchRequest request) {
        return processDefinitions.search(jdbc, request);
    }

    public SearchResult<Map<String, Object>> elementInstances(SearchRequest request) {
        return elementInstances.search(jdbc, request);
    }

    public SearchResult<Map<String, Object>> variables(SearchRequest request) {
        return variables.search(jdbc, request);
    }

    public SearchResult<Map<String, Object>> jobs(SearchRequest request) {
        return jobs.search(jdbc, request);
    }

    public SearchResult<Map<String, Object>> messageSubscriptions(SearchRequest request) {
        return messageSubscriptions.search(jdbc, request);
    }

    /** The BPMN file a process definition was deployed from, as deployed. */
    public Optional<String> processDefinitionXml(long processDefinitionKey) {
        return jdbc.sql("""
                        select r.content from engine.process_definition d join engine.resource r using (resource_key)
                        where d.process_definition_key = ?""")
                .param(processDefinitionKey)
                .query((row, n) -> new String(row.getBytes("content"), StandardCharsets.UTF_8))
                .optional();
    }
}
