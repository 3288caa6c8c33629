package org.premiumflow.engine.runtime;

import java.util.Map;
import org.premiumflow.engine.InvalidArgumentException;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.decision.DecisionEvaluator;
import org.premiumflow.engine.decision.DecisionFailure;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.deployment.DeployedModels.DecisionVersion;
import org.premiumflow.engine.store.Keys;

/** Evaluates a deployed decision on request, outside any process. */
public final class Decisions {

    private final DeployedModels models;
    private final DecisionEvaluator evaluator;
    private final Keys keys;

    public Decisions(DeployedModels models, DecisionEvaluator evaluator, Keys keys) {
        this.models = models;
        this.evaluator = evaluator;
        this.keys = keys;
    }

    /** The decision evaluated, its output as JSON, or why it failed. */
    public record Evaluation(long evaluationKey, DecisionVersion decision, String outputJson, String failureMessage) {
    }

    public Evaluation evaluate(Long decisionKey, String decisionId, String tenantId, Map<String, Object> variables) {
        DecisionVersion decision;
        if (decisionKey != null) {
            decision = models.decision(decisionKey).orElseThrow(() -> new NotFoundException(
                    "Expected to evaluate decision with key '" + decisionKey + "', but no such decision was found"));
        } else if (decisionId != null && !decisionId.isBlank()) {
            decision = models.latestDecision(decisionId, tenantId).orElseThrow(() -> new NotFoundException(
                    "Expected to evaluate decision '" + decisionId + "', but no decision found for id '" + decisionId + "'"));
        } else {
            throw new InvalidArgumentException("No decisionDefinitionId or decisionDefinitionKey provided");
        }
        try {
            Object output = evaluator.evaluate(decision.requirements(), decision.decisionId(), variables);
            return new Evaluation(keys.next(), decision, RuntimeStore.toJson(output), null);
        } catch (DecisionFailure e) {
            return new Evaluation(keys.next(), decision, null, e.getMessage());
        }
    }
}
