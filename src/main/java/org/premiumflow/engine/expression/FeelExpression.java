package org.premiumflow.engine.expression;

import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.syntaxtree.ParsedExpression;

/** A FEEL expression, parsed once when its model was deployed. */
public record FeelExpression(String source, ParsedExpression parsed, FeelEngineApi feel) implements Expression {

    @Override
    public Object evaluate(Map<String, Object> variables) {
        EvaluationResult result = feel.evaluate(parsed, variables);
        if (result.isFailure()) {
            String reason = result instanceof FailedEvaluationResult failed ? failed.failure().message() : "unknown failure";
            throw new ExpressionFailure("failed to evaluate expression '" + source + "': " + reason);
        }
        return FeelValues.toJava(result.result());
    }

    @Override
    public String toString() {
        return "=" + source;
    }
}
