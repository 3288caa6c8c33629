package org.premiumflow.engine.model;

import org.premiumflow.engine.expression.Expression;

/** A call activity's called process (latest version) and how variables cross into and out of it. */
public record ProcessCall(Expression processId, boolean propagateAllParentVariables, boolean propagateAllChildVariables) {
}
