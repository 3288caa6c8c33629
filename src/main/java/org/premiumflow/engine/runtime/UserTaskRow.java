package org.premiumflow.engine.runtime;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored user task. */
public record UserTaskRow(long key, String state, String name, String elementId, long elementInstanceKey, long processInstanceKey,
                          long rootProcessInstanceKey, long processDefinitionKey, String bpmnProcessId, int processVersion,
                          String tenantId, String assignee, List<String> candidateGroups, List<String> candidateUsers,
                          OffsetDateTime dueDate, OffsetDateTime followUpDate, int priority, Long formKey,
                          String externalFormReference, OffsetDateTime creationDate, OffsetDateTime completionDate) {

    public static final String CREATED = "CREATED";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELED = "CANCELED";
}
