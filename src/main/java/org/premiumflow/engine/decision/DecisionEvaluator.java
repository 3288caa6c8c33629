package org.premiumflow.engine.decision;

import java.util.Map;
import org.camunda.dmn.DmnEngine;
import org.premiumflow.engine.expression.FeelValues;
import scala.util.Either;

/** Evaluates one decision of a parsed DMN model against variables. */
public final class DecisionEvaluator {

    private final DmnEngine dmn;

    public DecisionEvaluator(DmnEngine dmn) {
        this.dmn = dmn;
    }

    /**
     * @return the decision's output as plain values (null when no rule matched)
     * @throws DecisionFailure when the decision cannot be evaluated
     */
    public Object evaluate(DecisionRequirements requirements, String decisionId, Map<String, Object> variables) {
        Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result = dmn.eval(requirements.parsed(), decisionId, variables);
        if (result.isLeft()) {
            throw new DecisionFailure("failed to evaluate decision '" + decisionId + "': " + result.left().get().failure().message());
        }
        DmnEngine.EvalResult value = result.right().get();
        return value instanceof DmnEngine.Result success ? FeelValues.toJava(success.value()) : null;
    }
}
