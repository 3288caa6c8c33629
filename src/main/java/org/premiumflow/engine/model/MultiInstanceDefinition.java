package org.premiumflow.engine.model;

import org.premiumflow.engine.expression.Expression;

/**
 * A multi-instance activity: one inner instance per item of the input collection, one after
 * another or all at once, their results gathered in an output collection, ending early when the
 * completion condition holds. Element names and the collections may be absent (null).
 */
public record MultiInstanceDefinition(boolean sequential, Expression inputCollection, String inputElement,
                                      String outputCollection, Expression outputElement, Expression completionCondition) {
}
