package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import java.util.List;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.deployment.DeployedModels.DecisionVersion;
import org.premiumflow.engine.runtime.Decisions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class DecisionController {

    private final Decisions decisions;

    DecisionController(Decisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/v2/decision-definitions/evaluation")
    EvaluateDecisionResult evaluate(@RequestBody String body) {
        JsonBody request = JsonBody.read(body);
        Decisions.Evaluation evaluation = decisions.evaluate(request.key("decisionDefinitionKey"),
                request.text("decisionDefinitionId"), Tenants.orDefault(request.text("tenantId")), request.object("variables"));
        DecisionVersion decision = evaluation.decision();
        EvaluateDecisionResult result = new EvaluateDecisionResult()
                .decisionDefinitionId(decision.decisionId())
                .decisionDefinitionKey(Keys.text(decision.key()))
                .decisionDefinitionName(decision.name())
                .decisionDefinitionVersion(decision.version())
                .decisionRequirementsId(decision.decisionRequirementsId())
                .decisionRequirementsKey(Keys.text(decision.decisionRequirementsKey()))
                .decisionEvaluationKey(Keys.text(evaluation.evaluationKey()))
                .decisionInstanceKey(Keys.text(evaluation.evaluationKey()))
                .tenantId(decision.tenantId())
                .output(evaluation.outputJson());
        if (evaluation.failureMessage() != null) {
            return result.failedDecisionDefinitionId(decision.decisionId()).failureMessage(evaluation.failureMessage())
                    .evaluatedDecisions(List.of());
        }
        return result.evaluatedDecisions(List.of(new EvaluatedDecisionResult()
                .decisionDefinitionId(decision.decisionId())
                .decisionDefinitionKey(Keys.text(decision.key()))
                .decisionDefinitionName(decision.name())
                .decisionDefinitionVersion(decision.version())
                .decisionDefinitionType("DECISION_TABLE")
                .decisionEvaluationInstanceKey(Keys.text(evaluation.evaluationKey()) + "-1")
                .output(evaluation.outputJson())
                .tenantId(decision.tenantId())));
    }
}
