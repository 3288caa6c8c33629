package org.premiumflow.engine.model;

import org.premiumflow.engine.expression.FeelExpression;

/** A script task evaluated by the engine itself: a FEEL expression and where its result goes. */
public record ScriptDefinition(FeelExpression expression, String resultVariable) {
}
