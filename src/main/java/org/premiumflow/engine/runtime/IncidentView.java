package org.premiumflow.engine.runtime;

import java.time.OffsetDateTime;

/** An incident as operators see it. */
public record IncidentView(long key, String errorType, String errorMessage, String state, long processInstanceKey,
                           long rootProcessInstanceKey, long processDefinitionKey, String bpmnProcessId, long elementInstanceKey,
                           String elementId, Long jobKey, String tenantId, OffsetDateTime creationTime) {
}
