package org.premiumflow.recovery;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decision deployed from {@code dmn/} at start-up, evaluated through the Camunda client by its id
 * (the latest version), as the recovery process's business rule tasks will call it.
 */
final class DeployedDecision {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CamundaClient client;
    private final String decisionId;

    DeployedDecision(CamundaClient client, String decisionId) {
        this.client = client;
        this.decisionId = decisionId;
    }

    /**
     * @param output the decision's result as plain values: a map of the output names for the
     *               matching rule, or null when no rule matched
     * @param failureMessage why the decision could not be evaluated, or null
     * @param decisionName the name of the decision that was evaluated, as Operate shows it
     */
    record Evaluation(Object output, String failureMessage, String decisionName) {
    }

    Evaluation evaluate(Map<String, Object> variables) {
        EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId(decisionId)
                .variables(variables).send().join();
        if (response.getFailureMessage() != null) {
            return new Evaluation(null, response.getFailureMessage(), response.getDecisionName());
        }
        return new Evaluation(JSON.readValue(response.getDecisionOutput(), Object.class), null, response.getDecisionName());
    }

    /**
     * The result of the one rule that matched: a map of the output names for a table with several
     * outputs, the value itself for a table with one. Fails the test when the decision failed or
     * matched no rule.
     */
    Object resultOf(Map<String, Object> variables) {
        Evaluation evaluation = evaluate(variables);
        if (evaluation.failureMessage() != null) {
            throw new AssertionError("'" + decisionId + "' failed for " + variables + ": " + evaluation.failureMessage());
        }
        if (evaluation.output() == null) {
            throw new AssertionError("'" + decisionId + "' matched no rule for " + variables);
        }
        return evaluation.output();
    }

    /** {@link #resultOf} of a table with several outputs. */
    @SuppressWarnings("unchecked")
    Map<String, Object> outputOf(Map<String, Object> variables) {
        Object result = resultOf(variables);
        if (!(result instanceof Map<?, ?>)) {
            throw new AssertionError("'" + decisionId + "' gave " + result + " for " + variables + ", not a map of its outputs");
        }
        return (Map<String, Object>) result;
    }
}
