package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.ElementInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.ElementInstanceStateEnum;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.JobSearchQueryResult;
import io.camunda.client.protocol.rest.JobSearchResult;
import io.camunda.client.protocol.rest.JobStateEnum;
import io.camunda.client.protocol.rest.MessageSubscriptionResult;
import io.camunda.client.protocol.rest.MessageSubscriptionSearchQueryResult;
import io.camunda.client.protocol.rest.MessageSubscriptionStateEnum;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import io.camunda.client.protocol.rest.ProcessDefinitionSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.sql.Timestamp;
import java.util.Map;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.EngineJson;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.search.EngineSearches;
import org.premiumflow.engine.search.SearchResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The search endpoints operators' and caseworkers' pages use, with the client's filter, sort and page shapes. */
@RestController
@ConditionalOnEmbeddedEngine
class SearchController {

    private final EngineSearches searches;
    private final DeployedModels models;

    SearchController(EngineSearches searches, DeployedModels models) {
        this.searches = searches;
        this.models = models;
    }

    @PostMapping("/v2/process-instances/search")
    ProcessInstanceSearchQueryResult processInstances(@RequestBody(required = false) String body) {
        SearchResult<Map<String, Object>> found = searches.processInstances(SearchRequests.read(body));
        return new ProcessInstanceSearchQueryResult().page(page(found)).items(found.items().stream().map(row -> new ProcessInstanceResult()
                .processInstanceKey(key(row, "process_instance_key"))
                .processDefinitionKey(key(row, "process_definition_key"))
                .processDefinitionId(text(row, "bpmn_process_id"))
                .processDefinitionName(processName(row))
                .processDefinitionVersion((Integer) row.get("version"))
                .state(ProcessInstanceStateEnum.fromValue(text(row, "state")))
                .hasIncident((Boolean) row.get("has_incident"))
                .startDate(date(row, "start_date"))
                .endDate(date(row, "end_date"))
                .parentProcessInstanceKey(key(row, "parent_process_instance_key"))
                .parentElementInstanceKey(key(row, "parent_element_instance_key"))
                .rootProcessInstanceKey(key(row, "root_process_instance_key"))
                .tenantId(text(row, "tenant_id"))).toList());
    }

    @PostMapping("/v2/process-definitions/search")
    ProcessDefinitionSearchQueryResult processDefinitions(@RequestBody(required = false) String body) {
        SearchResult<Map<String, Object>> found = searches.processDefinitions(SearchRequests.read(body));
        return new ProcessDefinitionSearchQueryResult().page(page(found)).items(found.items().stream().map(row -> new ProcessDefinitionResult()
                .processDefinitionKey(key(row, "process_definition_key"))
                .processDefinitionId(text(row, "bpmn_process_id"))
                .name(text(row, "name"))
                .version((Integer) row.get("version"))
                .resourceName(text(row, "resource_name"))
                .tenantId(text(row, "tenant_id"))
                .hasStartForm(false)).toList());
    }

    @GetMapping("/v2/process-definitions/{key}/xml")
    ResponseEntity<String> processDefinitionXml(@PathVariable String key) {
        long definitionKey = Keys.parse("processDefinitionKey", key);
        String xml = searches.processDefinitionXml(definitionKey).orElseThrow(() -> new NotFoundException(
                "Process definition with key '" + definitionKey + "' not found"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml);
    }

    @PostMapping("/v2/element-instances/search")
    ElementInstanceSearchQueryResult elementInstances(@RequestBody(required = false) String body) {
        SearchResult<Map<String, Object>> found = searches.elementInstances(SearchRequests.read(body));
        return new ElementInstanceSearchQueryResult().page(page(found)).items(found.items().stream().map(row -> new ElementInstanceResult()
                .elementInstanceKey(key(row, "element_instance_key"))
                .processInstanceKey(key(row, "process_instance_key"))
                .rootProcessInstanceKey(key(row, "root_process_instance_key"))
                .processDefinitionKey(key(row, "process_definition_key"))
                .processDefinitionId(text(row, "bpmn_process_id"))
                .elementId(text(row, "element_id"))
                .elementName(elementName(row))
                .type(ElementInstanceResult.TypeEnum.fromValue(text(row, "element_type")))
                .state(ElementInstanceStateEnum.fromValue(text(row, "api_state")))
                .hasIncident((Boolean) row.get("has_incident"))
                .incidentKey(key(row, "incident_key"))
                .startDate(date(row, "start_date"))
                .endDate(date(row, "end_date"))
                .tenantId(text(row, "tenant_id"))).toList());
    }

    @PostMapping("/v2/variables/search")
    VariableSearchQueryResult variables(@RequestBody(required = false) String body) {
        SearchResult<Map<String, Object>> found = searches.variables(SearchRequests.read(body));
        return new VariableSearchQueryResult().page(page(found)).items(found.items().stream().map(row -> new VariableSearchResult()
                .variableKey(key(row, "variable_key"))
                .name(text(row, "name"))
                .value(text(row, "value"))
                .isTruncated(false)
                .scopeKey(key(row, "scope_key"))
                .processInstanceKey(key(row, "process_instance_key"))
                .rootProcessInstanceKey(key(row, "root_process_instance_key"))
                .tenantId(text(row, "tenant_id"))).toList());
    }

    @PostMapping("/v2/jobs/search")
    JobSearchQueryResult jobs(@RequestBody(required = false) String body) {
        SearchResult<Map<String, Object>> found = searches.jobs(SearchRequests.read(body));
        return new JobSearchQueryResult().page(page(found)).items(found.items().stream().map(row -> new JobSearchResult()
                .jobKey(key(row, "job_key"))
                .type(text(row, "type"))
                .state(JobStateEnum.fromValue(text(row, "api_state")))
                .worker(text(row, "worker"))
                .retries((Integer) row.get("retries"))
                .deadline(date(row, "deadline"))
                .errorMessage(text(row, "error_message"))
                .hasFailedWithRetriesLeft("FAILED_BACKOFF".equals(row.get("state")))
                .customHeaders(headers(row))
                .elementId(text(row, "element_id"))
                .elementInstanceKey(key(row, "element_instance_key"))
                .processInstanceKey(key(row, "process_instance_key"))
                .rootProcessInstanceKey(key(row, "root_process_instance_key"))
                .processDefinitionKey(key(row, "process_definition_key"))
                .processDefinitionId(text(row, "bpmn_process_id"))
                .creationTime(date(row, "created_at"))
                .kind(JobKindEnum.BPMN_ELEMENT)
                .listenerEventType(JobListenerEventTypeEnum.UNSPECIFIED)
                .tenantId(text(row, "tenant_id"))).toList());
    }

    @PostMapping("/v2/message-subscriptions/search")
    MessageSubscriptionSearchQueryResult messageSubscriptions(@RequestBody(required = false) String body) {
        SearchResult<Map<String, Object>> found = searches.messageSubscriptions(SearchRequests.read(body));
        return new MessageSubscriptionSearchQueryResult().page(page(found)).items(found.items().stream()
                .map(row -> new MessageSubscriptionResult()
                        .messageSubscriptionKey(key(row, "subscription_key"))
                        .messageName(text(row, "message_name"))
                        .correlationKey(text(row, "correlation_key"))
                        .messageSubscriptionState(MessageSubscriptionStateEnum.fromValue(text(row, "state")))
                        .processInstanceKey(key(row, "process_instance_key"))
                        .rootProcessInstanceKey(key(row, "root_process_instance_key"))
                        .processDefinitionKey(key(row, "process_definition_key"))
                        .processDefinitionId(text(row, "bpmn_process_id"))
                        .elementId(text(row, "element_id"))
                        .elementInstanceKey(key(row, "element_instance_key"))
                        .lastUpdatedDate(date(row, "created_at"))
                        .tenantId(text(row, "tenant_id"))).toList());
    }

    static SearchQueryPageResponse page(SearchResult<?> found) {
        return new SearchQueryPageResponse().totalItems(found.total()).hasMoreTotalItems(false);
    }

    private String processName(Map<String, Object> row) {
        return models.process((Long) row.get("process_definition_key")).map(version -> version.process().name()).orElse(null);
    }

    private String elementName(Map<String, Object> row) {
        return models.process((Long) row.get("process_definition_key"))
                .flatMap(version -> version.process().element(text(row, "element_id")))
                .flatMap(element -> element.name())
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> row) {
        Object headers = row.get("custom_headers");
        return headers == null ? Map.of() : EngineJson.mapper().readValue(headers.toString(), Map.class);
    }

    private static String key(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    private static String date(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : value == null ? null : value.toString();
    }
}
