package org.premiumflow.engine.model;

import org.premiumflow.engine.expression.FeelExpression;

/** A sequence flow; the condition is only evaluated on flows leaving an exclusive gateway. */
public record SequenceFlow(String id, String sourceId, String targetId, FeelExpression condition) {
}
