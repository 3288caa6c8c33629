package org.premiumflow.engine.model;

import org.premiumflow.engine.expression.Expression;

/** A business rule task's called decision (latest deployed version) and its result variable. */
public record DecisionCall(Expression decisionId, String resultVariable) {
}
