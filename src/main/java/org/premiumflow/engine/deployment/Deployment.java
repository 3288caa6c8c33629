package org.premiumflow.engine.deployment;

import java.util.List;

/** The outcome of a deployment: every definition it contains, new or unchanged. */
public record Deployment(
        long key,
        String tenantId,
        List<ProcessDefinition> processes,
        List<DecisionRequirementsDefinition> decisionRequirements,
        List<DecisionDefinition> decisions,
        List<FormDefinition> forms) {

    public record ProcessDefinition(long key, String bpmnProcessId, int version, String resourceName, String tenantId) {
    }

    public record DecisionRequirementsDefinition(long key, String id, String name, int version, String resourceName,
                                                 String tenantId) {
    }

    public record DecisionDefinition(long key, String id, String name, int version, String decisionRequirementsId,
                                     long decisionRequirementsKey, String tenantId) {
    }

    public record FormDefinition(long key, String formId, int version, String resourceName, String tenantId) {
    }
}
