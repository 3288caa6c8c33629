package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.IncidentErrorTypeEnum;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import io.camunda.client.protocol.rest.IncidentStateEnum;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.runtime.IncidentView;
import org.premiumflow.engine.runtime.Incidents;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class IncidentController {

    private static final int DEFAULT_PAGE_SIZE = 100;

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @PostMapping("/v2/incidents/search")
    IncidentSearchQueryResult search(@RequestBody(required = false) String body) {
        JsonBody query = JsonBody.read(body);
        JsonBody filter = query.nested("filter");
        JsonBody page = query.nested("page");
        String processInstanceKey = filter.filterValue("processInstanceKey");
        String incidentKey = filter.filterValue("incidentKey");
        Integer limit = page.integer("limit");
        Integer from = page.integer("from");
        Incidents.Page result = incidents.search(new Incidents.Filter(
                        processInstanceKey == null ? null : Keys.parse("processInstanceKey", processInstanceKey),
                        filter.filterValue("state"),
                        filter.filterValue("errorType"),
                        incidentKey == null ? null : Keys.parse("incidentKey", incidentKey),
                        filter.filterValue("elementId")),
                from == null ? 0 : from, limit == null ? DEFAULT_PAGE_SIZE : limit);
        return new IncidentSearchQueryResult()
                .items(result.items().stream().map(IncidentController::item).toList())
                .page(new SearchQueryPageResponse().totalItems(result.total()).hasMoreTotalItems(false));
    }

    private static IncidentResult item(IncidentView incident) {
        return new IncidentResult()
                .incidentKey(Keys.text(incident.key()))
                .errorType(IncidentErrorTypeEnum.fromValue(incident.errorType()))
                .errorMessage(incident.errorMessage())
                .state(IncidentStateEnum.fromValue(incident.state()))
                .processInstanceKey(Keys.text(incident.processInstanceKey()))
                .rootProcessInstanceKey(Keys.text(incident.rootProcessInstanceKey()))
                .processDefinitionKey(Keys.text(incident.processDefinitionKey()))
                .processDefinitionId(incident.bpmnProcessId())
                .elementInstanceKey(Keys.text(incident.elementInstanceKey()))
                .elementId(incident.elementId())
                .jobKey(Keys.text(incident.jobKey()))
                .tenantId(incident.tenantId())
                .creationTime(incident.creationTime().toString());
    }

    @PostMapping("/v2/incidents/{key}/resolution")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resolve(@PathVariable String key) {
        incidents.resolve(Keys.parse("incidentKey", key));
    }
}
