package org.premiumflow.engine.runtime;

import java.time.OffsetDateTime;

/** A process instance as stored. */
public record ProcessInstanceRow(
        long key,
        long processDefinitionKey,
        String bpmnProcessId,
        int version,
        String tenantId,
        String state,
        boolean hasIncident,
        Long parentProcessInstanceKey,
        Long parentElementInstanceKey,
        long rootProcessInstanceKey,
        OffsetDateTime startDate,
        OffsetDateTime endDate) {

    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";
    public static final String TERMINATED = "TERMINATED";
}
