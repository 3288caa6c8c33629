package org.premiumflow.engine.model;

import org.premiumflow.engine.expression.FeelExpression;

/** An input or output mapping: the value of {@code source} goes into the variable {@code target}. */
public record VariableMapping(FeelExpression source, String target) {
}
